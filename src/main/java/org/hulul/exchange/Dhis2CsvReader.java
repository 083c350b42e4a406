package org.hulul.exchange;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads a DHIS2 data value set in CSV, by column position as DHIS2 does: dataelement,
 * period, orgunit, categoryoptioncombo, attributeoptioncombo, value, storedby,
 * lastupdated, comment, followup. A first row starting with {@code dataelement} is the
 * header and skipped. UTF-8, with or without a byte order mark.
 */
final class Dhis2CsvReader {

	static final List<String> HEADER = List.of("dataelement", "period", "orgunit", "categoryoptioncombo",
			"attributeoptioncombo", "value", "storedby", "lastupdated", "comment", "followup");

	private Dhis2CsvReader() {
	}

	static List<Dhis2DataValue> read(byte[] content) {
		String text = utf8(content);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<Dhis2DataValue> read = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
			boolean first = true;
			for (CSVRecord row : parser) {
				if (first && row.get(0).strip().toLowerCase(Locale.ROOT).equals(HEADER.get(0))) {
					first = false;
					continue;
				}
				first = false;
				if (row.size() == 1 && row.get(0).isBlank()) {
					continue;
				}
				if (row.size() < 6) {
					throw new Dhis2FileException("dhis2.error.csvColumns", parser.getCurrentLineNumber(), row.size());
				}
				read.add(new Dhis2DataValue(cell(row, 0), cell(row, 1), cell(row, 2), cell(row, 3), cell(row, 4),
						cell(row, 5), cell(row, 8)));
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			throw new Dhis2FileException("dhis2.error.csv", String.valueOf(ex.getMessage()));
		}
		return read;
	}

	private static @Nullable String cell(CSVRecord row, int column) {
		if (column >= row.size()) {
			return null;
		}
		String value = row.get(column).strip();
		return value.isEmpty() ? null : value;
	}

	static String utf8(byte[] content) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new Dhis2FileException("dhis2.error.encoding");
		}
	}

}
