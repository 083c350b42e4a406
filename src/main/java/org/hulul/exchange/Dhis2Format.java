package org.hulul.exchange;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The files DHIS2 and ADX exchange data values in.
 */
public enum Dhis2Format {

	/** A DHIS2 data value set in JSON. */
	JSON("application/json", "json"),

	/** A DHIS2 data value set in CSV, in DHIS2's column order, with a header row. */
	CSV("text/csv", "csv"),

	/** An ADX (IHE QRPH) XML document. */
	ADX("application/adx+xml", "xml");

	private final String mediaType;

	private final String extension;

	Dhis2Format(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	public String mediaType() {
		return this.mediaType;
	}

	public String extension() {
		return this.extension;
	}

	/**
	 * The format a file's content is in, from its first character: '{' JSON, '<' XML,
	 * anything else CSV; null for an empty file.
	 */
	static @Nullable Dhis2Format sniff(byte[] content) {
		int start = (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
				&& (content[2] & 0xFF) == 0xBF) ? 3 : 0;
		for (int i = start; i < content.length; i++) {
			char c = (char) (content[i] & 0xFF);
			if (!Character.isWhitespace(c)) {
				return switch (c) {
					case '{', '[' -> JSON;
					case '<' -> ADX;
					default -> CSV;
				};
			}
		}
		return null;
	}

	static Dhis2Format of(String name) {
		return valueOf(name.strip().toUpperCase(Locale.ROOT));
	}

}
