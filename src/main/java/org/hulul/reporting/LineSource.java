package org.hulul.reporting;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The lines of an import as they are read: parts of them, then the end; then the
 * indicators they cover and whether the reading was refused. The report's values are
 * written while the rest of the file is read, and rolled back when the reading or the
 * checks refuse it.
 */
public interface LineSource {

	/** The next part of the lines, or null at the end. */
	@Nullable List<ReportLine> next();

	/**
	 * At the end: the indicators the lines cover (their saved lines not read are
	 * removed).
	 */
	Set<String> indicators();

	/** Whether the reading found a problem (so far): then nothing is saved. */
	boolean refused();

	/** Lines read already, all in one part. */
	static LineSource of(Set<String> indicators, List<ReportLine> lines) {
		Iterator<List<ReportLine>> parts = List.of(lines).iterator();
		return new LineSource() {

			@Override
			public @Nullable List<ReportLine> next() {
				return parts.hasNext() ? parts.next() : null;
			}

			@Override
			public Set<String> indicators() {
				return indicators;
			}

			@Override
			public boolean refused() {
				return false;
			}

		};
	}

}
