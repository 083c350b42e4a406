package org.hulul.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads a CSV file row by row. The encoding is found, not assumed: UTF-8 (with or without
 * a byte-order mark) when the bytes are valid UTF-8, else Windows-1256, the Arabic code
 * page older Excel versions save in. UTF-16 and files with control characters a text file
 * does not have are refused with the reason. The separator is a comma, or a semicolon
 * when the header has more of them (Excel in Arabic and European locales).
 */
final class CsvRows {

	static final Charset WINDOWS_1256 = Charset.forName("windows-1256");

	private CsvRows() {
	}

	/** Calls {@code each} for every row; at most {@code maxRows} data rows. */
	static void read(Path file, int maxRows, Consumer<SourceRow> each) throws IOException {
		Encoding encoding = detect(file);
		char delimiter = delimiter(file, encoding);
		CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
		try (InputStream in = Files.newInputStream(file)) {
			in.skipNBytes(encoding.skip());
			try (Reader reader = new BufferedReader(new InputStreamReader(in, encoding.charset()), 1 << 16);
					CSVParser parser = CSVParser.parse(reader, format)) {
				int rows = 0;
				for (CSVRecord record : parser) {
					if (++rows > maxRows + 1) {
						throw new FileRefusedException("import.error.tooManyRows", maxRows);
					}
					List<SourceRow.@Nullable Cell> cells = new ArrayList<>(record.size());
					for (String value : record) {
						cells.add(value.isEmpty() ? null : SourceRow.Cell.text(value));
					}
					each.accept(new SourceRow(null, (int) record.getRecordNumber(), cells));
				}
			}
		}
		catch (java.io.UncheckedIOException | IllegalStateException ex) {
			throw new FileRefusedException("import.error.csvSyntax", String.valueOf(ex.getMessage()));
		}
	}

	/** The encoding of a CSV file and the bytes of its byte-order mark. */
	record Encoding(Charset charset, int skip) {
	}

	/**
	 * Finds the encoding in one streaming pass: control bytes refuse the file, invalid
	 * UTF-8 means Windows-1256.
	 */
	static Encoding detect(Path file) throws IOException {
		if (Files.size(file) == 0) {
			throw new FileRefusedException("import.error.empty");
		}
		CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		boolean validUtf8 = true;
		int skip = 0;
		try (InputStream in = Files.newInputStream(file)) {
			byte[] chunk = new byte[1 << 16];
			ByteBuffer bytes = ByteBuffer.allocate(chunk.length + 8);
			CharBuffer chars = CharBuffer.allocate(chunk.length + 8);
			boolean first = true;
			int read;
			while ((read = in.read(chunk)) > 0) {
				int start = 0;
				if (first) {
					first = false;
					if (read >= 3 && (chunk[0] & 0xFF) == 0xEF && (chunk[1] & 0xFF) == 0xBB
							&& (chunk[2] & 0xFF) == 0xBF) {
						start = skip = 3;
					}
					else if (read >= 2 && (((chunk[0] & 0xFF) == 0xFF && (chunk[1] & 0xFF) == 0xFE)
							|| ((chunk[0] & 0xFF) == 0xFE && (chunk[1] & 0xFF) == 0xFF))) {
						throw new FileRefusedException("import.error.encoding", "UTF-16");
					}
				}
				for (int i = start; i < read; i++) {
					int b = chunk[i] & 0xFF;
					if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
						// NUL and other control bytes: UTF-16 without a mark, or not text
						throw new FileRefusedException("import.error.encoding", (b == 0) ? "UTF-16" : "binary");
					}
				}
				if (validUtf8) {
					bytes.put(chunk, start, read - start).flip();
					chars.clear();
					if (utf8.decode(bytes, chars, false).isError()) {
						validUtf8 = false;
					}
					bytes.compact();
				}
			}
			if (validUtf8) {
				bytes.flip();
				chars.clear();
				validUtf8 = !utf8.decode(bytes, chars, true).isError() && !bytes.hasRemaining();
			}
		}
		return new Encoding(validUtf8 ? StandardCharsets.UTF_8 : WINDOWS_1256, skip);
	}

	/** A comma, or a semicolon when the header has more of them. */
	private static char delimiter(Path file, Encoding encoding) throws IOException {
		try (BufferedReader reader = Files.newBufferedReader(file, encoding.charset())) {
			String header = String.valueOf(reader.readLine());
			long commas = header.chars().filter((c) -> c == ',').count();
			long semicolons = header.chars().filter((c) -> c == ';').count();
			return (semicolons > commas) ? ';' : ',';
		}
	}

}
