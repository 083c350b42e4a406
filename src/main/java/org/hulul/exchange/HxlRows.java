package org.hulul.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.hulul.framework.FrameworkDefinition;
import org.jspecify.annotations.Nullable;

/**
 * Reads an HXL-tagged CSV as the rows of {@link LinesFormat} that {@link ReportImport}
 * reads. The hashtag row is the first row whose cells all begin with {@code #}; up to
 * {@value #ABOVE} rows above it (titles, human headers) are skipped. Columns are found by
 * tag, in any order, attributes in any order and any case; columns of other tags are
 * ignored. Each value cell of a row becomes a row of its own, its breakdown from the
 * attributes of its column. A hashtag row with invalid tags refuses the file, each bad
 * tag named with its column. A file without a hashtag row in its first rows is passed on
 * as it is (a plain file of lines), unless it is named {@code .hxl.csv}.
 */
final class HxlRows implements Consumer<SourceRow> {

	/** Rows above the hashtag row that are skipped. */
	static final int ABOVE = 25;

	private final FrameworkDefinition framework;

	private final boolean named;

	private final Consumer<SourceRow> next;

	private final List<SourceRow> above = new ArrayList<>();

	private final List<String> categories;

	private boolean looking = true;

	private boolean hxl;

	private int indicator = -1;

	private int group = -1;

	private int comment = -1;

	private final int[] admCodes = { -1, -1, -1 };

	private final int[] admNames = { -1, -1, -1 };

	private final List<ValueColumn> values = new ArrayList<>();

	/**
	 * Passes the rows of {@code next} on, translated when the file is HXL; {@code named}
	 * when the file's name says it is HXL ({@code .hxl.csv}).
	 */
	HxlRows(FrameworkDefinition framework, boolean named, Consumer<SourceRow> next) {
		this.framework = framework;
		this.named = named;
		this.next = next;
		this.categories = LinesFormat.categories(framework);
	}

	static boolean named(String filename) {
		return filename.toLowerCase(Locale.ROOT).endsWith(".hxl.csv");
	}

	/** A row whose non-empty cells all begin with {@code #}, and has some. */
	static boolean hashtagRow(SourceRow row) {
		return !row.blank() && row.cells()
			.stream()
			.allMatch((c) -> c == null || c.text().isBlank() || c.text().strip().replace("\uFEFF", "").startsWith("#"));
	}

	/** The tags of a hashtag row (null for an empty cell or a bad tag), by column. */
	static List<HxlFormat.@Nullable Tag> tags(SourceRow row) {
		List<HxlFormat.@Nullable Tag> tags = new ArrayList<>();
		for (SourceRow.Cell cell : row.cells()) {
			tags.add((cell == null || cell.text().isBlank()) ? null : HxlFormat.Tag.parse(text(cell)));
		}
		return tags;
	}

	/**
	 * The cells of a hashtag row that are not HXL: not its syntax (a name of lowercase
	 * letters, digits and underscores after {@code #} and each {@code +}), or a hashtag
	 * not in the core dictionary.
	 */
	static List<BadTag> invalid(SourceRow row) {
		List<BadTag> bad = new ArrayList<>();
		List<HxlFormat.@Nullable Tag> tags = tags(row);
		for (int i = 0; i < tags.size(); i++) {
			SourceRow.Cell cell = row.cell(i);
			if (cell == null || cell.text().isBlank()) {
				continue;
			}
			HxlFormat.Tag tag = tags.get(i);
			if (tag == null) {
				bad.add(new BadTag(i + 1, text(cell), "hxl.error.invalidTag"));
			}
			else if (!tag.core()) {
				bad.add(new BadTag(i + 1, text(cell), "hxl.error.unknownHashtag", "#" + tag.hashtag()));
			}
		}
		return bad;
	}

	@Override
	public void accept(SourceRow row) {
		if (this.hxl) {
			translate(row);
		}
		else if (!this.looking) {
			this.next.accept(row);
		}
		else if (hashtagRow(row)) {
			columns(row);
		}
		else if (this.above.size() < ABOVE) {
			this.above.add(row);
		}
		else {
			notHxl();
			this.next.accept(row);
		}
	}

	/** At the end of the file: a short file without a hashtag row is passed on. */
	void finish() {
		if (this.looking) {
			notHxl();
		}
	}

	private void notHxl() {
		if (this.named) {
			throw new FileRefusedException("hxl.error.noHashtagRow", ABOVE);
		}
		this.looking = false;
		this.above.forEach(this.next);
		this.above.clear();
	}

	private void columns(SourceRow row) {
		List<BadTag> bad = invalid(row);
		Map<String, Map.Entry<String, String>> attributes = HxlFormat.attributes(this.framework);
		List<HxlFormat.@Nullable Tag> tags = tags(row);
		for (int i = 0; i < tags.size(); i++) {
			HxlFormat.Tag tag = tags.get(i);
			if (tag == null || !tag.core()) {
				continue;
			}
			String field = tag.is("reached") ? LinesFormat.VALUE
					: tag.is("indicator", "value") ? LinesFormat.VALUE : tag.is("indicator", "num")
							? LinesFormat.NUMERATOR : tag.is("indicator", "denom") ? LinesFormat.DENOMINATOR : null;
			if (field != null) {
				TreeMap<String, String> breakdown = new TreeMap<>();
				for (String attribute : tag.attributes()) {
					if (tag.hashtag().equals("indicator") && List.of("value", "num", "denom").contains(attribute)) {
						continue;
					}
					Map.Entry<String, String> option = attributes.get(attribute);
					if (option == null || breakdown.containsKey(option.getKey())) {
						bad.add(new BadTag(i + 1, text(row.cell(i)), "hxl.error.unknownAttribute", "+" + attribute,
								String.join(" ", attributes.keySet().stream().map((a) -> "+" + a).toList())));
					}
					else {
						breakdown.put(option.getKey(), option.getValue());
					}
				}
				this.values.add(new ValueColumn(i, field, breakdown));
			}
			else if (tag.is("indicator", "code") && this.indicator < 0) {
				this.indicator = i;
			}
			else if (tag.is("population", "type") && this.group < 0) {
				this.group = i;
			}
			else if (tag.is("description") && this.comment < 0) {
				this.comment = i;
			}
			for (int level = 1; level <= 3; level++) {
				if (tag.is("adm" + level, "code") && this.admCodes[level - 1] < 0) {
					this.admCodes[level - 1] = i;
				}
				else if (tag.is("adm" + level, "name") && this.admNames[level - 1] < 0) {
					this.admNames[level - 1] = i;
				}
			}
		}
		if (this.indicator < 0) {
			bad.add(new BadTag(0, HxlFormat.INDICATOR_CODE, "hxl.error.missingTag", HxlFormat.INDICATOR_CODE));
		}
		if (this.admCodes[0] < 0 && this.admCodes[1] < 0 && this.admCodes[2] < 0) {
			bad.add(new BadTag(0, "#adm1+code", "hxl.error.missingTag", "#adm1+code, #adm2+code, #adm3+code"));
		}
		if (this.group < 0) {
			bad.add(new BadTag(0, HxlFormat.POPULATION_GROUP, "hxl.error.missingTag", HxlFormat.POPULATION_GROUP));
		}
		if (this.values.isEmpty()) {
			bad.add(new BadTag(0, HxlFormat.REACHED, "hxl.error.missingTag", String.join(", ", HxlFormat.REACHED,
					HxlFormat.VALUE, HxlFormat.NUMERATOR + " " + HxlFormat.DENOMINATOR)));
		}
		if (!bad.isEmpty()) {
			throw new TagsRefused(row.row(), bad);
		}
		this.looking = false;
		this.hxl = true;
		List<SourceRow.@Nullable Cell> header = new ArrayList<>();
		for (String name : headers()) {
			header.add(SourceRow.Cell.text(name));
		}
		this.next.accept(new SourceRow(row.sheet(), row.row(), header));
	}

	private List<String> headers() {
		List<String> headers = new ArrayList<>(
				List.of(LinesFormat.INDICATOR, LinesFormat.LOCATION, LinesFormat.POPULATION_GROUP));
		headers.addAll(this.categories);
		headers.addAll(List.of(LinesFormat.VALUE, LinesFormat.NUMERATOR, LinesFormat.DENOMINATOR, LinesFormat.COMMENT));
		return headers;
	}

	/** A row of values as rows of one value each (or one numerator and denominator). */
	private void translate(SourceRow row) {
		if (row.blank()) {
			return;
		}
		String location = null;
		for (int level = 3; level >= 1 && location == null; level--) {
			location = cell(row, this.admCodes[level - 1]);
		}
		for (int level = 3; level >= 1 && location == null; level--) {
			location = cell(row, this.admNames[level - 1]);
		}
		Map<Map<String, String>, Map<String, String>> byBreakdown = new LinkedHashMap<>();
		for (ValueColumn column : this.values) {
			String value = cell(row, column.column());
			if (value != null) {
				byBreakdown.computeIfAbsent(column.breakdown(), (b) -> new TreeMap<>()).put(column.field(), value);
			}
		}
		if (byBreakdown.isEmpty()) {
			byBreakdown.put(Map.of(), Map.of()); // a row without a value: said so by the
													// import
		}
		for (Map.Entry<Map<String, String>, Map<String, String>> one : byBreakdown.entrySet()) {
			List<SourceRow.@Nullable Cell> cells = new ArrayList<>();
			for (String header : headers()) {
				String text = switch (header) {
					case LinesFormat.INDICATOR -> cell(row, this.indicator);
					case LinesFormat.LOCATION -> location;
					case LinesFormat.POPULATION_GROUP -> cell(row, this.group);
					case LinesFormat.COMMENT -> cell(row, this.comment);
					case LinesFormat.VALUE, LinesFormat.NUMERATOR, LinesFormat.DENOMINATOR ->
						one.getValue().get(header);
					default -> one.getKey().get(header);
				};
				cells.add((text != null) ? SourceRow.Cell.text(text) : null);
			}
			this.next.accept(new SourceRow(row.sheet(), row.row(), cells));
		}
	}

	private static @Nullable String cell(SourceRow row, int column) {
		SourceRow.Cell cell = (column >= 0) ? row.cell(column) : null;
		return (cell == null || cell.text().isBlank()) ? null : cell.text();
	}

	private static String text(SourceRow.@Nullable Cell cell) {
		return (cell != null) ? cell.text().replace("\uFEFF", "").strip() : "";
	}

	/** A value column: its field of the line and the breakdown of its attributes. */
	private record ValueColumn(int column, String field, Map<String, String> breakdown) {
	}

	/** A bad or missing tag: its column (from 1; 0 when missing), as written, and why. */
	record BadTag(int column, String tag, String messageKey, Object... args) {
	}

	/** A hashtag row that is not HXL, or lacks what a report's lines need. */
	static final class TagsRefused extends FileRefusedException {

		private final int row;

		private final transient List<BadTag> tags;

		TagsRefused(int row, List<BadTag> tags) {
			super("hxl.error.invalidTags");
			this.row = row;
			this.tags = List.copyOf(tags);
		}

		int row() {
			return this.row;
		}

		List<BadTag> tags() {
			return this.tags;
		}

	}

}
