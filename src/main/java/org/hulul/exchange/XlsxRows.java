package org.hulul.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.jspecify.annotations.Nullable;

/**
 * Reads the rows of one sheet of an XLSX workbook as a stream (never the whole workbook
 * in memory), after checking the file as a zip: that it is whole, that its parts do not
 * expand past the limit (a zip bomb), and that the sheets have no merged cells (a merged
 * cell's value belongs to one row only, so the others would be read empty).
 */
final class XlsxRows {

	private static final byte[] MERGE = "<mergeCell ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	private XlsxRows() {
	}

	/**
	 * Calls {@code each} for every row of the sheet named {@code sheetName} (or of the
	 * first sheet when there is none), at most {@code maxRows} data rows.
	 */
	static void read(Path file, String sheetName, ImportLimits limits, Consumer<SourceRow> each) throws IOException {
		check(file, limits.maxExpandedSize().toBytes());
		try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
			Sheet sheet = workbook.findSheet(sheetName).orElseGet(workbook::getFirstSheet);
			try (Stream<Row> rows = sheet.openStream()) {
				int[] count = { 0 };
				rows.forEach((row) -> {
					if (++count[0] > limits.maxRows() + 1) {
						throw new FileRefusedException("import.error.tooManyRows", limits.maxRows());
					}
					List<SourceRow.@Nullable Cell> cells = new ArrayList<>(row.getCellCount());
					for (int i = 0; i < row.getCellCount(); i++) {
						cells.add(cell(row.getCell(i)));
					}
					each.accept(new SourceRow(sheet.getName(), row.getRowNum(), cells));
				});
			}
		}
		catch (ExcelReaderException | java.io.UncheckedIOException ex) {
			throw new FileRefusedException("import.error.corrupt", String.valueOf(ex.getMessage()));
		}
	}

	private static SourceRow.@Nullable Cell cell(@Nullable Cell cell) {
		if (cell == null || cell.getType() == CellType.EMPTY) {
			return null;
		}
		return switch (cell.getType()) {
			case FORMULA -> new SourceRow.Cell("=" + cell.getFormula(), true, false);
			case NUMBER -> new SourceRow.Cell(cell.asNumber().stripTrailingZeros().toPlainString(), false, true);
			case BOOLEAN -> SourceRow.Cell.text(String.valueOf(cell.asBoolean()).toUpperCase(Locale.ROOT));
			case ERROR -> new SourceRow.Cell(String.valueOf(cell.getRawValue()), true, false);
			default -> SourceRow.Cell.text(cell.getText());
		};
	}

	/**
	 * The checks of the file as a zip, in one pass over its parts: whole, within the
	 * expanded size, no merged cells in a sheet.
	 */
	static void check(Path file, long maxExpanded) throws IOException {
		byte[] head = new byte[8];
		try (InputStream in = java.nio.file.Files.newInputStream(file)) {
			int read = in.readNBytes(head, 0, head.length);
			if (read == 0) {
				throw new FileRefusedException("import.error.empty");
			}
			if (!ReadableWorkbook.isOOXMLZipHeader(head)) {
				throw new FileRefusedException(
						ReadableWorkbook.isOLE2Header(head) ? "import.error.oldExcel" : "import.error.notXlsx");
			}
		}
		long expanded = 0;
		try (ZipFile zip = new ZipFile(file.toFile())) {
			Enumeration<? extends ZipEntry> entries = zip.entries();
			byte[] buffer = new byte[1 << 16];
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				boolean sheet = entry.getName().startsWith("xl/worksheets/") && entry.getName().endsWith(".xml");
				int matched = 0;
				try (InputStream in = zip.getInputStream(entry)) {
					int read;
					while ((read = in.read(buffer)) > 0) {
						expanded += read;
						if (expanded > maxExpanded) {
							throw new FileRefusedException("import.error.expandsTooMuch", maxExpanded / (1024 * 1024));
						}
						if (sheet) {
							for (int i = 0; i < read; i++) {
								matched = (buffer[i] == MERGE[matched]) ? matched + 1
										: ((buffer[i] == MERGE[0]) ? 1 : 0);
								if (matched == MERGE.length) {
									throw new FileRefusedException("import.error.mergedCells",
											entry.getName().replaceAll(".*/", "").replace(".xml", ""));
								}
							}
						}
					}
				}
			}
		}
		catch (ZipException | java.io.EOFException ex) {
			throw new FileRefusedException("import.error.corrupt", String.valueOf(ex.getMessage()));
		}
	}

}
