package org.hulul.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.jspecify.annotations.Nullable;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an ADX (IHE QRPH Aggregate Data Exchange) document: checked for well-formedness
 * with DTDs and external entities refused (no XXE), then validated against the loose ADX
 * schema in {@code adx/}. Lenient mode accepts a document without the {@code exported}
 * attribute the schema requires, as DHIS2 does. A group's {@code attributeOptionCombo}
 * (or its other attributes, e.g. {@code mechanism="PEPFAR"}, written
 * {@code mechanism=PEPFAR}) and a data value's {@code categoryOptionCombo} (or its other
 * attributes: {@code populationGroup} first, then the category=option pairs in order,
 * e.g. {@code returnee;age=0-4;sex=female}) become the codes the mapping table maps.
 */
final class AdxReader {

	static final String NAMESPACE = "urn:ihe:qrph:adx:2015";

	static final String POPULATION_GROUP = "populationGroup";

	private static final Set<String> GROUP_ATTRIBUTES = Set.of("orgUnit", "period", "dataSet", "completeDate",
			"dataSetComplete", "comment", "attributeOptionCombo", "exported");

	private static final Set<String> VALUE_ATTRIBUTES = Set.of("dataElement", "value", "categoryOptionCombo");

	private AdxReader() {
	}

	static List<Dhis2DataValue> read(byte[] content, boolean strict) {
		List<Dhis2DataValue> values = parse(content);
		validate(content, strict);
		return values;
	}

	private static List<Dhis2DataValue> parse(byte[] content) {
		List<Dhis2DataValue> values = new ArrayList<>();
		XMLStreamReader xml = null;
		try {
			xml = factory().createXMLStreamReader(new ByteArrayInputStream(content));
			String orgUnit = null;
			String period = null;
			String attributeOptionCombo = null;
			String[] value = null;
			StringBuilder annotation = null;
			int annotationDepth = 0;
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.DTD) {
					throw new Dhis2FileException("dhis2.error.xmlDtd", xml.getLocation().getLineNumber(),
							xml.getLocation().getColumnNumber());
				}
				if (event == XMLStreamConstants.START_ELEMENT) {
					if (annotation != null) {
						annotationDepth++;
						continue;
					}
					switch (xml.getLocalName()) {
						case "group" -> {
							orgUnit = attribute(xml, "orgUnit");
							period = attribute(xml, "period");
							attributeOptionCombo = otherAttributes(xml, GROUP_ATTRIBUTES, "attributeOptionCombo");
						}
						case "dataValue" ->
							value = new String[] { attribute(xml, "dataElement"), attribute(xml, "value"),
									otherAttributes(xml, VALUE_ATTRIBUTES, "categoryOptionCombo"), null };
						case "annotation" -> {
							annotation = new StringBuilder();
							annotationDepth = 0;
						}
						default -> {
						}
					}
				}
				else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
					if (annotation != null) {
						annotation.append(xml.getText());
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					if (annotation != null) {
						if (annotationDepth > 0) {
							annotationDepth--;
							continue;
						}
						if (value != null && !annotation.toString().isBlank()) {
							value[3] = annotation.toString().strip();
						}
						annotation = null;
					}
					else if (xml.getLocalName().equals("dataValue") && value != null) {
						values.add(new Dhis2DataValue(value[0], period, orgUnit, value[2], attributeOptionCombo,
								value[1], value[3]));
						value = null;
					}
				}
			}
		}
		catch (XMLStreamException ex) {
			throw new Dhis2FileException("dhis2.error.xml",
					(ex.getLocation() != null) ? ex.getLocation().getLineNumber() : 0,
					(ex.getLocation() != null) ? ex.getLocation().getColumnNumber() : 0, message(ex));
		}
		finally {
			close(xml);
		}
		return values;
	}

	private static void validate(byte[] content, boolean strict) {
		Validator validator = Schemas.ADX.newValidator();
		try {
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		}
		catch (SAXException ex) {
			throw new IllegalStateException(ex);
		}
		List<SAXParseException> errors = new ArrayList<>();
		validator.setErrorHandler(new ErrorHandler() {

			@Override
			public void warning(SAXParseException exception) {
			}

			@Override
			public void error(SAXParseException exception) {
				if (strict || !missingExported(exception)) {
					errors.add(exception);
				}
			}

			@Override
			public void fatalError(SAXParseException exception) throws SAXException {
				throw exception;
			}

		});
		try {
			validator.validate(new StreamSource(new ByteArrayInputStream(content)));
		}
		catch (SAXParseException ex) {
			errors.add(0, ex);
		}
		catch (SAXException | IOException ex) {
			throw new Dhis2FileException("dhis2.error.adxSchema", 0, 0, String.valueOf(ex.getMessage()));
		}
		if (!errors.isEmpty()) {
			SAXParseException first = errors.get(0);
			if (!strict || !missingExported(first)) {
				throw new Dhis2FileException("dhis2.error.adxSchema", first.getLineNumber(), first.getColumnNumber(),
						String.valueOf(first.getMessage()));
			}
			throw new Dhis2FileException("dhis2.error.adxExported", first.getLineNumber(), first.getColumnNumber());
		}
	}

	/** The schema's complaint that the root lacks {@code exported}. */
	private static boolean missingExported(SAXParseException ex) {
		String message = String.valueOf(ex.getMessage());
		return message.startsWith("cvc-complex-type.4") && message.contains("'exported'");
	}

	private static @Nullable String attribute(XMLStreamReader xml, String name) {
		String value = xml.getAttributeValue(null, name);
		return (value != null && !value.isBlank()) ? value.strip() : null;
	}

	/**
	 * The named attribute when given; otherwise the element's other (unprefixed)
	 * attributes as a code, {@code populationGroup} first.
	 */
	private static @Nullable String otherAttributes(XMLStreamReader xml, Set<String> known, String named) {
		String given = attribute(xml, named);
		if (given != null) {
			return given;
		}
		String group = null;
		TreeMap<String, String> pairs = new TreeMap<>();
		for (int i = 0; i < xml.getAttributeCount(); i++) {
			String namespace = xml.getAttributeNamespace(i);
			String name = xml.getAttributeLocalName(i);
			if ((namespace != null && !namespace.isEmpty()) || known.contains(name)) {
				continue;
			}
			if (name.equals(POPULATION_GROUP)) {
				group = xml.getAttributeValue(i).strip();
			}
			else {
				pairs.put(name, xml.getAttributeValue(i).strip());
			}
		}
		StringBuilder code = new StringBuilder((group != null) ? group : "");
		pairs.forEach(
				(name, option) -> code.append((code.length() > 0) ? ";" : "").append(name).append('=').append(option));
		return (code.length() > 0) ? code.toString() : null;
	}

	private static XMLInputFactory factory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		return factory;
	}

	private static String message(XMLStreamException ex) {
		String message = String.valueOf(ex.getMessage());
		int at = message.indexOf("Message: ");
		return (at >= 0) ? message.substring(at + "Message: ".length()).strip() : message;
	}

	private static void close(@Nullable XMLStreamReader xml) {
		if (xml != null) {
			try {
				xml.close();
			}
			catch (XMLStreamException ex) {
				// nothing left to read
			}
		}
	}

	/** The ADX schema, compiled once (a compiled schema is thread-safe). */
	private static final class Schemas {

		static final Schema ADX = load();

		private static Schema load() {
			URL main = AdxReader.class.getResource("/adx/adx_loose.xsd");
			try (InputStream in = main.openStream()) {
				SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
				factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
				// the schema imports its SDMX parts from beside it, in the application's
				// resources
				factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar,nested");
				return factory.newSchema(new StreamSource(in, main.toExternalForm()));
			}
			catch (IOException | SAXException ex) {
				throw new IllegalStateException("The ADX schema in adx/ cannot be read", ex);
			}
		}

	}

}
