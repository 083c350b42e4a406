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

		Index(List<Location> all) {
			this.all = List.copyOf(all);
			this.byPcode = all.stream()
				.collect(Collectors.toMap(Location::pcode, (l) -> l, (a, b) -> a, LinkedHashMap::new));
			this.children = all.stream()
				.filter((l) -> l.parentPcode() != null)
				.collect(Collectors.groupingBy(Location::parentPcode, LinkedHashMap::new, Collectors.toList()));
		}

	}

}
