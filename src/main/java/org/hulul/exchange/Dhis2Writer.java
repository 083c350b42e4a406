package org.hulul.exchange;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes data values (their codes already mapped) as a DHIS2 data value set in JSON or
 * CSV, or as an ADX document valid against the loose ADX schema.
 */
final class Dhis2Writer {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** An attribute name XML accepts without a prefix. */
	private static final Pattern NC_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

	private Dhis2Writer() {
	}

	static String json(List<Dhis2DataValue> values) {
		ObjectNode root = JSON.createObjectNode();
		ArrayNode array = root.putArray("dataValues");
		for (Dhis2DataValue value : values) {
			ObjectNode node = array.addObject();
			node.put("dataElement", value.dataElement());
			node.put("period", value.period());
			node.put("orgUnit", value.orgUnit());
			node.put("categoryOptionCombo", value.categoryOptionCombo());
			node.put("attributeOptionCombo", value.attributeOptionCombo());
			node.put("value", value.value());
			if (value.comment() != null) {
				node.put("comment", value.comment());
			}
		}
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
	}

	static String csv(List<Dhis2DataValue> values) {
		StringBuilder csv = new StringBuilder();
		try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT)) {
			printer.printRecord(Dhis2CsvReader.HEADER);
			for (Dhis2DataValue value : values) {
				printer.printRecord(value.dataElement(), value.period(), value.orgUnit(), value.categoryOptionCombo(),
						value.attributeOptionCombo(), value.value(), "", "", value.comment(), "false");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return csv.toString();
	}

	/**
	 * An ADX document: one group per org unit, period and attribute option combo. A
	 * category option combo Hulul spells itself ({@code spelledOut}) is written as
	 * attributes, {@code populationGroup="returnee" age="0-4" sex="female"}, as ADX
	 * intends; a mapped one as {@code categoryOptionCombo}.
	 */
	static String adx(List<AdxValue> values, String dataSet, Instant exported) {
		Map<List<String>, List<AdxValue>> groups = new LinkedHashMap<>();
		for (AdxValue value : values) {
			Dhis2DataValue v = value.value();
			groups
				.computeIfAbsent(List.of(String.valueOf(v.orgUnit()), String.valueOf(v.period()),
						String.valueOf(v.attributeOptionCombo())), (k) -> new ArrayList<>())
				.add(value);
		}
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeCharacters("\n");
			xml.writeStartElement("adx");
			xml.writeDefaultNamespace(AdxReader.NAMESPACE);
			xml.writeAttribute("exported", exported.truncatedTo(ChronoUnit.SECONDS).toString());
			for (Map.Entry<List<String>, List<AdxValue>> group : groups.entrySet()) {
				xml.writeCharacters("\n  ");
				xml.writeStartElement("group");
				xml.writeAttribute("orgUnit", group.getKey().get(0));
				xml.writeAttribute("period", group.getKey().get(1));
				xml.writeAttribute("dataSet", dataSet);
				xml.writeAttribute("attributeOptionCombo", group.getKey().get(2));
				for (AdxValue value : group.getValue()) {
					Dhis2DataValue v = value.value();
					xml.writeCharacters("\n    ");
					xml.writeStartElement("dataValue");
					xml.writeAttribute("dataElement", String.valueOf(v.dataElement()));
					Map<String, String> attributes = value.spelledOut() ? spelledOut(v.categoryOptionCombo()) : null;
					if (attributes != null) {
						for (Map.Entry<String, String> attribute : attributes.entrySet()) {
							xml.writeAttribute(attribute.getKey(), attribute.getValue());
						}
					}
					else {
						xml.writeAttribute("categoryOptionCombo", String.valueOf(v.categoryOptionCombo()));
					}
					xml.writeAttribute("value", String.valueOf(v.value()));
					if (v.comment() != null) {
						xml.writeStartElement("annotation");
						xml.writeCharacters(v.comment());
						xml.writeEndElement();
					}
					xml.writeEndElement();
				}
				xml.writeCharacters("\n  ");
				xml.writeEndElement();
			}
			xml.writeCharacters("\n");
			xml.writeEndElement();
			xml.writeCharacters("\n");
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString();
	}

	/**
	 * Hulul's spelling of a category option combo ({@code returnee;age=0-4;sex=female})
	 * as ADX attributes, when reading them back gives the same code; null otherwise.
	 */
	private static @Nullable Map<String, String> spelledOut(@Nullable String code) {
		if (code == null) {
			return null;
		}
		Map<String, String> attributes = new LinkedHashMap<>();
		TreeMap<String, String> pairs = new TreeMap<>();
		String group = null;
		for (String part : code.split(";")) {
			int at = part.indexOf('=');
			if (at < 0) {
				if (group != null) {
					return null;
				}
				group = part;
			}
			else {
				pairs.put(part.substring(0, at), part.substring(at + 1));
			}
		}
		if (group == null) {
			return null;
		}
		attributes.put(AdxReader.POPULATION_GROUP, group);
		StringBuilder again = new StringBuilder(group);
		for (Map.Entry<String, String> pair : pairs.entrySet()) {
			if (!NC_NAME.matcher(pair.getKey()).matches() || RESERVED.contains(pair.getKey())) {
				return null;
			}
			attributes.put(pair.getKey(), pair.getValue());
			again.append(';').append(pair.getKey()).append('=').append(pair.getValue());
		}
		return again.toString().equals(code) ? attributes : null;
	}

	private static final Set<String> RESERVED = Set.of("dataElement", "value", "categoryOptionCombo",
			AdxReader.POPULATION_GROUP);

	/**
	 * A data value for ADX, and whether its category option combo is Hulul's spelling.
	 */
	record AdxValue(Dhis2DataValue value, boolean spelledOut) {
	}

}
