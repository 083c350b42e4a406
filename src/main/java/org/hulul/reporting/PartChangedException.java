package org.hulul.reporting;

import java.util.List;

import org.hulul.platform.StaleEditException;

/**
 * The part of the report someone was editing (one indicator at one location for one
 * group, or one line) was changed by someone else since they opened it: nothing was
 * saved, and these are its lines as saved now, to show the other change.
 */
public class PartChangedException extends StaleEditException {

	private final List<ReportLine> savedNow;

	PartChangedException(long reportId, List<ReportLine> savedNow) {
		super("report", String.valueOf(reportId));
		this.savedNow = List.copyOf(savedNow);
	}

	public List<ReportLine> savedNow() {
		return this.savedNow;
	}

}
