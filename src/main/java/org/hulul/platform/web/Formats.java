package org.hulul.platform.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Formatting for templates ({@code ${@fmt.dateTime(x)}}): times are shown in the
 * configured zone (Iraq by default) with the zone named.
 */
@Component("fmt")
public class Formats {

	private final ZoneId zone;

	private final DateTimeFormatter dateTime;

	Formats(@Value("${hulul.time-zone:Asia/Baghdad}") String zone) {
		this.zone = ZoneId.of(zone);
		this.dateTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(this.zone);
	}

	/** The zone dates are shown and entered in. */
	public ZoneId zone() {
		return this.zone;
	}

	/** A number as the tables show it: grouped by thousands, at most two decimals. */
	public String number(@Nullable Double value) {
		if (value == null) {
			return "";
		}
		java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0.##",
				java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ENGLISH));
		return format.format(value);
	}

	public String dateTime(@Nullable Instant instant) {
		return (instant != null) ? this.dateTime.format(instant) : "";
	}

}
