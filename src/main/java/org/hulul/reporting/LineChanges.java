package org.hulul.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a save changes, found in one pass: the lines to write (added or changed), the
 * saved lines to delete (removed, or replaced by a changed line), and the history of it
 * as the report's history stores it: a line per change, line key, old value and new value
 * separated by tabs. Unchanged lines are in none of them.
 */
final class LineChanges {

	final List<ReportLine> written = new ArrayList<>();

	final List<ReportLine> deleted = new ArrayList<>();

	private final StringBuilder history = new StringBuilder();

	private int count;

	private int added;

	private int removed;

	private LineChanges() {
	}

	static LineChanges between(List<ReportLine> before, List<ReportLine> after) {
		LineChanges changes = new LineChanges();
		Map<ReportLine.Key, ReportLine> saved = new HashMap<>(before.size() * 2);
		before.forEach((l) -> saved.put(l.key(), l));
		for (ReportLine line : after) {
			ReportLine was = saved.remove(line.key());
			if (was != null && same(was, line)) {
				continue;
			}
			changes.written.add(line);
			if (was != null) {
				changes.deleted.add(was);
			}
			else {
				changes.added++;
			}
			changes.record(line, (was != null) ? was.shown() : null, line.shown());
		}
		for (ReportLine removed : saved.values()) {
			changes.deleted.add(removed);
			changes.removed++;
			changes.record(removed, removed.shown(), null);
		}
		return changes;
	}

	boolean isEmpty() {
		return this.count == 0;
	}

	/** How many lines were added, changed or removed. */
	int count() {
		return this.count;
	}

	/** How many lines are new. */
	int added() {
		return this.added;
	}

	/** How many saved lines have other values or another comment now. */
	int changed() {
		return this.count - this.added - this.removed;
	}

	/** How many saved lines are no more. */
	int removed() {
		return this.removed;
	}

	String history() {
		return this.history.toString();
	}

	private void record(ReportLine line, @Nullable String oldValue, @Nullable String newValue) {
		if (this.count++ > 0) {
			this.history.append('\n');
		}
		this.history.append(flat(line.label())).append('\t').append(flat(oldValue)).append('\t').append(flat(newValue));
	}

	/** A part of a change as one cell of its line: no tab or line break inside. */
	private static String flat(@Nullable String part) {
		return (part == null) ? "" : part.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
	}

	/** The same values and comment (12 and 12.0 are the same). */
	static boolean same(ReportLine a, ReportLine b) {
		return equal(a.value(), b.value()) && equal(a.numerator(), b.numerator())
				&& equal(a.denominator(), b.denominator()) && Objects.equals(a.comment(), b.comment());
	}

	private static boolean equal(@Nullable BigDecimal a, @Nullable BigDecimal b) {
		return (a == null) ? b == null : b != null && a.compareTo(b) == 0;
	}

}
