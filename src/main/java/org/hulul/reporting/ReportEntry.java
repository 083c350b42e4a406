package org.hulul.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The lines of one indicator at one location for one population group, as the report page
 * lists them: the total (entered, or else the sum of the single-category or full
 * breakdown) and the lines with their numbers in the report.
 *
 * @param first the number (from 1) of the entry's first line in the report
 */
public record ReportEntry(String indicator, String location, String populationGroup, int first,
		List<ReportLine> lines) {

	public ReportEntry {
		lines = List.copyOf(lines);
	}

	/** Groups lines sorted by indicator, location and group into entries. */
	public static List<ReportEntry> group(List<ReportLine> lines) {
		List<ReportEntry> entries = new ArrayList<>();
		List<ReportLine> current = new ArrayList<>();
		int first = 1;
		for (int i = 0; i < lines.size(); i++) {
			ReportLine line = lines.get(i);
			if (!current.isEmpty() && !sameEntry(current.get(0), line)) {
				entries.add(of(current, first));
				current = new ArrayList<>();
				first = i + 1;
			}
			current.add(line);
		}
		if (!current.isEmpty()) {
			entries.add(of(current, first));
		}
		return entries;
	}

	/**
	 * The total entered, or the sum of the breakdown lines when none was; null if none.
	 */
	public @Nullable String total() {
		for (ReportLine line : this.lines) {
			if (line.disaggregation().isEmpty()) {
				return line.shown().replace("/", " / ");
			}
		}
		// one breakdown only (by sex; or sex × age), so nothing is counted twice
		java.util.Set<String> categories = this.lines.get(0).disaggregation().keySet();
		EntryGrid.Entered sum = EntryGrid.sum(this.lines.stream()
			.filter((l) -> l.disaggregation().keySet().equals(categories))
			.map(EntryGrid.Entered::of)
			.toList());
		return (sum == null) ? null : sum.shown().replace("/", " / ");
	}

	/** Whether the total shown is computed from the breakdown (no total was entered). */
	public boolean computed() {
		return this.lines.stream().noneMatch((l) -> l.disaggregation().isEmpty());
	}

	/** The number of breakdown lines. */
	public long breakdownCount() {
		return this.lines.stream().filter((l) -> !l.disaggregation().isEmpty()).count();
	}

	private static ReportEntry of(List<ReportLine> lines, int first) {
		ReportLine line = lines.get(0);
		return new ReportEntry(line.indicator(), line.location(), line.populationGroup(), first, lines);
	}

	private static boolean sameEntry(ReportLine a, ReportLine b) {
		return a.indicator().equals(b.indicator()) && a.location().equals(b.location())
				&& Objects.equals(a.populationGroup(), b.populationGroup());
	}

}
