package org.hulul.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What an imported file may be: its size as uploaded, the bytes its parts may expand to
 * (a spreadsheet is a zip: a few kilobytes can expand to gigabytes), and its rows.
 *
 * @param maxFileSize the largest file accepted ({@code hulul.import.max-file-size})
 * @param maxExpandedSize the most a spreadsheet's parts may expand to
 * @param maxRows the most data rows in a file
 */
@ConfigurationProperties("hulul.import")
record ImportLimits(DataSize maxFileSize, DataSize maxExpandedSize, int maxRows) {

	ImportLimits {
		maxFileSize = (maxFileSize != null) ? maxFileSize : DataSize.ofMegabytes(50);
		maxExpandedSize = (maxExpandedSize != null) ? maxExpandedSize : DataSize.ofMegabytes(1024);
		maxRows = (maxRows > 0) ? maxRows : 500_000;
	}

}
