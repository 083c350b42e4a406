package org.hulul.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The workbook checks that need files too big to upload in a test: a zip bomb and a sheet
 * of the 1,048,576 rows Excel allows.
 */
class XlsxRowsTests {

	private static final ImportLimits LIMITS = new ImportLimits(DataSize.ofMegabytes(50), DataSize.ofMegabytes(1024),
			500_000);

	@TempDir
	Path dir;

	@Test
	void aWorkbookThatExpandsPastTheLimitIsRefusedBeforeItIsRead() throws IOException {
		// 64 MB of zeros compress to about 64 KB
		Path bomb = workbook((out) -> {
			byte[] zeros = new byte[1 << 20];
			for (int i = 0; i < 64; i++) {
				out.write(zeros);
			}
		});
		assertThat(Files.size(bomb)).isLessThan(200_000);
		assertThatExceptionOfType(FileRefusedException.class)
			.isThrownBy(() -> XlsxRows.check(bomb, DataSize.ofMegabytes(32).toBytes()))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("import.error.expandsTooMuch"));
	}

	@Test
	void aSheetOfAMillionRowsIsRefusedWithoutReadingItAll() throws IOException {
		Path full = workbook((out) -> {
			StringBuilder rows = new StringBuilder();
			for (int r = 2; r <= 1_048_576; r++) {
				rows.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\"><v>1</v></c></row>");
				if (rows.length() > 1 << 16) {
					out.write(rows.toString().getBytes(StandardCharsets.US_ASCII));
					rows.setLength(0);
				}
			}
			out.write(rows.toString().getBytes(StandardCharsets.US_ASCII));
		});
		List<SourceRow> read = new ArrayList<>();
		assertThatExceptionOfType(FileRefusedException.class)
			.isThrownBy(() -> XlsxRows.read(full, "lines", LIMITS, (row) -> {
				if (read.size() < 3) {
					read.add(row);
				}
			}))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("import.error.tooManyRows"));
		assertThat(read).first().satisfies((row) -> assertThat(row.cell(0).text()).isEqualTo("indicator"));
	}

	/**
	 * A minimal XLSX whose one sheet has a header row and then what {@code rows} writes.
	 */
	private Path workbook(Body rows) throws IOException {
		Path file = this.dir.resolve("test-" + System.nanoTime() + ".xlsx");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
					+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
					+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
					+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
					+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
					+ "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
					+ "</Types>");
			entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
					+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
					+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
					+ "</Relationships>");
			entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
					+ "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
					+ "<sheets><sheet name=\"lines\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
			entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
					+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
					+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
					+ "</Relationships>");
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
					+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
					+ "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>indicator</t></is></c></row>")
				.getBytes(StandardCharsets.US_ASCII));
			rows.write(zip);
			zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.US_ASCII));
			zip.closeEntry();
		}
		return file;
	}

	private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	interface Body {

		void write(OutputStream out) throws IOException;

	}

}
