package org.hulul.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a save changes: the lines to write (added or changed), the saved lines to delete
 * (removed, or replaced by a changed line), and the history of it as the report's history
 * stores it: a line per change, line key, old value and new value separated by tabs.
 * Unchanged lines are in none of them. The new lines may come in parts (an import, as it
 * is read): {@link #add} says what each part changes, {@link #finish} which saved lines
 * are gone.
 */
final class LineChanges {

	private final Map<ReportLine.Key, ReportLine> saved;

	/**
	 * Keys met in the new lines: a key met twice is written once (the checks refuse the
	 * lines).
	 */
	private final Set<ReportLine.Key> met = new HashSet<>();

	private final StringBuilder history = new StringBuilder();

	private int count;

	private int added;

	private int removed;

	LineChanges(List<ReportLine> before) {
		this.saved = new HashMap<>(before.size() * 2);
		before.forEach((l) -> this.saved.put(l.key(), l));
	}

	/**
	 * The changes from {@code before} to {@code after}, which holds every line, with what
	 * to write and delete.
	 */
	static Whole between(List<ReportLine> before, List<ReportLine> after) {
		LineChanges changes = new LineChanges(before);
		Part added = changes.add(after);
		added.deleted().addAll(changes.finish((line) -> true).deleted());
		return new Whole(changes, added);
	}

	/** A save's changes and all it writes and deletes. */
	record Whole(LineChanges changes, Part part) {
	}

	/** What a part of the new lines changes. */
	Part add(List<ReportLine> lines) {
		Part part = new Part(new ArrayList<>(), new ArrayList<>());
		for (ReportLine line : lines) {
			ReportLine.Key key = line.key();
			if (!this.met.add(key)) {
				continue;
			}
			ReportLine was = this.saved.remove(key);
			if (was != null && same(was, line)) {
				continue;
			}
			part.written().add(line);
			if (was != null) {
				part.deleted().add(was);
			}
			else {
				this.added++;
			}
			record(line, (was != null) ? was.shown() : null, line.shown());
		}
		return part;
	}

	/** The saved lines not met in the new ones that {@code gone} accepts are removed. */
	Part finish(java.util.function.Predicate<ReportLine> gone) {
		Part part = new Part(new ArrayList<>(), new ArrayList<>());
		for (ReportLine left : this.saved.values()) {
			if (gone.test(left)) {
				part.deleted().add(left);
				this.removed++;
				record(left, left.shown(), null);
			}
		}
		return part;
	}

	/** The saved lines not met in the new ones (so far). */
	java.util.Collection<ReportLine> unmet() {
		return this.saved.values();
	}

	/** What one part changes: lines to write, saved lines to delete. */
	record Part(List<ReportLine> written, List<ReportLine> deleted) {

		boolean isEmpty() {
			return this.written.isEmpty() && this.deleted.isEmpty();
		}

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
