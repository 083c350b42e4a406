package org.hulul.geo;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The administrative tree of Iraq: look-up, children and search by p-code or by name in
 * English or Arabic. Reference data is small and read on every page, so it is held in
 * memory once loaded.
 */
@Service
public class Locations {

	private final LocationRepository repository;

	private volatile @Nullable Index index;

	Locations(LocationRepository repository) {
		this.repository = repository;
	}

	public List<Location> all() {
		return index().all;
	}

	public Optional<Location> find(String pcode) {
		return Optional.ofNullable(index().byPcode.get(pcode.strip().toUpperCase(Locale.ROOT)));
	}

	public List<Location> atLevel(int level) {
		return index().all.stream().filter((l) -> l.level() == level).toList();
	}

	public List<Location> children(String pcode) {
		return index().children.getOrDefault(pcode, List.of());
	}

	/** The location and its ancestors, governorate first. */
	public List<Location> path(Location location) {
		List<Location> path = new ArrayList<>();
		Location current = location;
		while (current != null) {
			path.add(0, current);
			current = (current.parentPcode() != null) ? index().byPcode.get(current.parentPcode()) : null;
		}
		return path;
	}

	/**
	 * Locations whose p-code starts with the query, or whose English or Arabic name
	 * contains it, ignoring case, punctuation, Arabic diacritics and the usual spelling
	 * variants of alef, teh marbuta and yeh. P-code matches come first, then by level.
	 */
	public List<Location> search(String query, int limit) {
		String q = normalize(query);
		if (q.isEmpty()) {
			return List.of();
		}
		String upper = query.strip().toUpperCase(Locale.ROOT);
		return index().all.stream()
			.filter((l) -> l.pcode().startsWith(upper) || normalize(l.nameEn()).contains(q)
					|| normalize(l.nameAr()).contains(q))
			.sorted(Comparator.comparing((Location l) -> !l.pcode().startsWith(upper))
				.thenComparing(Location::level)
				.thenComparing(Location::pcode))
			.limit(limit)
			.toList();
	}

	/**
	 * The location a person wrote in a file: a p-code, or a name in English or Arabic
	 * (spelling variants, case and "al-"/"ال" aside). A name several locations share is
	 * ambiguous; a name no location has gets the nearest names as suggestions.
	 */
	public LocationMatch match(String text) {
		String code = text.strip().toUpperCase(Locale.ROOT);
		Location byCode = index().byPcode.get(code);
		if (byCode != null) {
			return new LocationMatch(byCode, List.of(), List.of());
		}
		String name = bare(normalize(text));
		if (name.isEmpty()) {
			return new LocationMatch(null, List.of(), List.of());
		}
		List<Location> named = index().byName.getOrDefault(name, List.of());
		if (named.size() == 1) {
			return new LocationMatch(named.get(0), List.of(), List.of());
		}
		if (named.size() > 1) {
			return new LocationMatch(null, named, List.of());
		}
		int limit = Math.max(2, name.length() / 4);
		List<Map.Entry<Location, Integer>> near = new ArrayList<>();
		index().byName.forEach((candidate, locations) -> {
			int distance = distance(name, candidate, limit);
			if (distance <= limit) {
				locations.forEach((l) -> near.add(Map.entry(l, distance)));
			}
		});
		near.sort(Map.Entry.<Location, Integer>comparingByValue().thenComparing((e) -> e.getKey().pcode()));
		return new LocationMatch(null, List.of(), near.stream().limit(3).map(Map.Entry::getKey).toList());
	}

	/** A name without its article: "al-mosul" and "mosul", "الموصل" and "موصل" match. */
	private static String bare(String normalized) {
		if (normalized.startsWith("al") && normalized.length() > 4) {
			return normalized.substring(2);
		}
		if (normalized.startsWith("\u0627\u0644") && normalized.length() > 3) {
			return normalized.substring(2);
		}
		return normalized;
	}

	/** Levenshtein distance, or more than {@code limit} as soon as it is sure to be. */
	private static int distance(String a, String b, int limit) {
		if (Math.abs(a.length() - b.length()) > limit) {
			return limit + 1;
		}
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			int best = current[0];
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
				best = Math.min(best, current[j]);
			}
			if (best > limit) {
				return limit + 1;
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	static String normalize(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
		StringBuilder out = new StringBuilder(decomposed.length());
		for (int i = 0; i < decomposed.length(); i++) {
			char c = decomposed.charAt(i);
			if (Character.getType(c) == Character.NON_SPACING_MARK) {
				continue; // Latin accents, Arabic harakat and the hamza of أ إ آ once
							// decomposed
			}
			switch (c) {
				case '\u0629' -> out.append('\u0647'); // teh marbuta -> heh
				case '\u0649' -> out.append('\u064A'); // alef maksura -> yeh
				case '\u0671' -> out.append('\u0627'); // alef wasla -> alef
				default -> {
					if (Character.isLetterOrDigit(c)) {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

	/** Forgets the cached tree, after the table changed. */
	void reload() {
		this.index = null;
	}

	private Index index() {
		Index current = this.index;
		if (current == null) {
			current = new Index(this.repository.all());
			this.index = current;
		}
		return current;
	}

	private static final class Index {

		private final List<Location> all;

		private final Map<String, Location> byPcode;

		private final Map<String, List<Location>> children;

		/**
		 * Locations by their English and Arabic names, normalized and without article.
		 */
		private final Map<String, List<Location>> byName = new java.util.HashMap<>();

		Index(List<Location> all) {
			for (Location location : all) {
				for (String name : new java.util.LinkedHashSet<>(
						List.of(bare(normalize(location.nameEn())), bare(normalize(location.nameAr()))))) {
					this.byName.computeIfAbsent(name, (n) -> new ArrayList<>()).add(location);
				}
			}
			this.all = List.copyOf(all);
			this.byPcode = all.stream()
				.collect(Collectors.toMap(Location::pcode, (l) -> l, (a, b) -> a, LinkedHashMap::new));
			this.children = all.stream()
				.filter((l) -> l.parentPcode() != null)
				.collect(Collectors.groupingBy(Location::parentPcode, LinkedHashMap::new, Collectors.toList()));
		}

	}

}
