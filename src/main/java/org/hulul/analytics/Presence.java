package org.hulul.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.hulul.framework.FrameworkDefinition;
import org.hulul.framework.FrameworkVersion;
import org.hulul.framework.Frameworks;
import org.hulul.organisations.Organisation;
import org.hulul.organisations.OrganisationType;
import org.hulul.organisations.Organisations;
import org.hulul.organisations.Programming;
import org.hulul.platform.HululPrincipal;
import org.hulul.reporting.Period;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Who does what where: the organisations active in a quarter per place and specific
 * objective (an organisation is active where its approved values for an objective's
 * indicators are not all zero), counted by organisation type and programming, and the
 * gaps: places where a {@link GapSource} says there is a need for an objective and no
 * organisation is active for it.
 */
@Component
public class Presence {

	/** Quarters before the one asked about in which earlier activity marks a gap. */
	static final int EARLIER_QUARTERS = 3;

	private final Analytics analytics;

	private final Frameworks frameworks;

	private final Organisations organisations;

	private final AnalyticsLabels labels;

	private final List<GapSource> sources;

	private final AnalyticsStore store;

	Presence(Analytics analytics, Frameworks frameworks, Organisations organisations, AnalyticsLabels labels,
			List<GapSource> sources, AnalyticsStore store) {
		this.store = store;
		this.analytics = analytics;
		this.frameworks = frameworks;
		this.organisations = organisations;
		this.labels = labels;
		this.sources = List.copyOf(sources);
	}

	/**
	 * Where there is a need for an objective in a quarter, as some part of Hulul knows it
	 * (earlier activity here; area plans of action when they exist).
	 */
	public interface GapSource {

		/** The needs at a level (1–3) in a quarter, as the asker may see them. */
		List<Need> needs(HululPrincipal me, Question question);

	}

	/** A need: the place (a p-code at the question's level), the objective and why. */
	public record Need(String pcode, String objective, String reasonKey, List<Object> args) {
	}

	/**
	 * What the page asks: the quarter, the level of the places (1–3), the area they are
	 * in (a p-code and its level; none: Iraq) and which organisations (none: all).
	 */
	public record Question(Period period, int level, @Nullable String within, int withinLevel,
			Set<OrganisationType> types, Set<Programming> programming) {

		public Question {
			types = Set.copyOf(types);
			programming = Set.copyOf(programming);
		}

		String place() {
			return "adm" + this.level;
		}

		/** The analytics filters of the area asked about. */
		Map<String, Set<String>> area() {
			Map<String, Set<String>> filters = new HashMap<>();
			if (this.within != null && this.withinLevel > 0) {
				filters.put("adm" + this.withinLevel, Set.of(this.within));
			}
			return filters;
		}

	}

	/** An organisation as the page lists it. */
	public record Partner(String code, String name, OrganisationType type, Set<Programming> programming) {
	}

	/** A place's row: the partners active per objective, and all of them. */
	public record Place(String pcode, String name, Map<String, List<Partner>> byObjective, int partners) {

		public List<Partner> at(String objective) {
			return this.byObjective.getOrDefault(objective, List.of());
		}

	}

	/** A gap: a place, an objective without partner, and why there is a need. */
	public record Gap(String pcode, String name, String objective, String reasonKey, List<Object> args) {
	}

	/** A count of distinct organisations per objective and in all, for one group. */
	public record Count(String key, Map<String, Integer> byObjective, int total) {

		public int at(String objective) {
			return this.byObjective.getOrDefault(objective, 0);
		}

	}

	/** The answer. */
	public record Matrix(Question question, List<String> objectives, List<Place> places, Map<String, Integer> totals,
			int partners, List<Count> byType, List<Count> byProgramming, List<Gap> gaps) {

		public int total(String objective) {
			return this.totals.getOrDefault(objective, 0);
		}

	}

	/**
	 * Who is active in a set of places (p-codes of any level, an area's): the latest
	 * quarter with activity there and the organisations active per objective in it.
	 */
	public record Active(@Nullable String period, Map<String, List<Partner>> byObjective) {

		public boolean isEmpty() {
			return this.period == null;
		}

	}

	public Active in(HululPrincipal me, List<String> pcodes, Locale locale) {
		Map<String, Organisation> known = new HashMap<>();
		this.organisations.list().forEach((o) -> known.put(o.code(), o));
		// period → objective → organisations
		TreeMap<String, Map<String, Set<String>>> seen = new TreeMap<>();
		AnalyticsQuery query = new AnalyticsQuery(List.of("period", "objective", "organisation"),
				Map.of(Analytics.PLACE, Set.copyOf(pcodes)), false);
		for (AnalyticsResult.Row row : this.analytics.query(me, query).rows()) {
			String period = row.keys().get("period");
			String objective = row.keys().get("objective");
			String organisation = row.keys().get("organisation");
			if (period != null && objective != null && organisation != null && activity(row)) {
				seen.computeIfAbsent(period, (k) -> new TreeMap<>())
					.computeIfAbsent(objective, (k) -> new TreeSet<>())
					.add(organisation);
			}
		}
		// the latest quarter partners reported for: values computed from elsewhere (a
		// plan's input) do not make a quarter the latest on their own
		Set<String> reported = new java.util.HashSet<>(this.store.approvedPeriodCodes());
		if (seen.keySet().stream().anyMatch(reported::contains)) {
			seen.keySet().retainAll(reported);
		}
		if (seen.isEmpty()) {
			return new Active(null, Map.of());
		}
		String latest = seen.lastKey();
		Map<String, List<Partner>> active = new LinkedHashMap<>();
		seen.get(latest)
			.forEach((objective, codes) -> active.put(objective,
					codes.stream()
						.map((c) -> partner(known, c, locale))
						.sorted(java.util.Comparator.comparing(Partner::name))
						.toList()));
		return new Active(latest, active);
	}

	public Matrix of(HululPrincipal me, Question question, Locale locale) {
		Map<String, Organisation> known = new HashMap<>();
		this.organisations.list().forEach((o) -> known.put(o.code(), o));
		Map<String, Map<String, Set<String>>> active = active(me, question, known);
		List<String> objectives = objectives();
		Map<String, Set<String>> perObjective = new TreeMap<>();
		Set<String> everyone = new TreeSet<>();
		List<Place> places = new ArrayList<>();
		active.forEach((pcode, byObjective) -> {
			Map<String, List<Partner>> partners = new LinkedHashMap<>();
			Set<String> here = new TreeSet<>();
			byObjective.forEach((objective, codes) -> {
				partners.put(objective,
						codes.stream()
							.map((c) -> partner(known, c, locale))
							.sorted(java.util.Comparator.comparing(Partner::name))
							.toList());
				here.addAll(codes);
				perObjective.computeIfAbsent(objective, (k) -> new TreeSet<>()).addAll(codes);
			});
			everyone.addAll(here);
			places.add(new Place(pcode, this.labels.value(question.place(), pcode, locale), partners, here.size()));
		});
		places.sort(java.util.Comparator.comparing(Place::name));
		Map<String, Integer> totals = new LinkedHashMap<>();
		perObjective.forEach((o, codes) -> totals.put(o, codes.size()));
		List<Count> byType = new ArrayList<>();
		for (OrganisationType type : OrganisationType.values()) {
			Count count = count(type.name(), perObjective, everyone,
					(c) -> known.containsKey(c) && known.get(c).type() == type);
			if (count.total() > 0) {
				byType.add(count);
			}
		}
		List<Count> byProgramming = new ArrayList<>();
		for (Programming programming : Programming.values()) {
			Count count = count(programming.name(), perObjective, everyone,
					(c) -> known.containsKey(c) && known.get(c).programming().contains(programming));
			if (count.total() > 0) {
				byProgramming.add(count);
			}
		}
		List<Gap> gaps = new ArrayList<>();
		Set<String> seen = new java.util.HashSet<>();
		for (GapSource source : this.sources) {
			for (Need need : source.needs(me, question)) {
				boolean covered = active.getOrDefault(need.pcode(), Map.of()).containsKey(need.objective());
				if (!covered && seen.add(need.pcode() + "@" + need.objective())) {
					gaps.add(new Gap(need.pcode(), this.labels.value(question.place(), need.pcode(), locale),
							need.objective(), need.reasonKey(), need.args()));
				}
			}
		}
		gaps.sort(java.util.Comparator.comparing(Gap::name).thenComparing(Gap::objective));
		return new Matrix(question, objectives, places, totals, everyone.size(), byType, byProgramming, gaps);
	}

	/**
	 * The organisations active per place and objective in the quarter, among those the
	 * question's type and programming take.
	 */
	private Map<String, Map<String, Set<String>>> active(HululPrincipal me, Question question,
			Map<String, Organisation> known) {
		Map<String, Set<String>> filters = question.area();
		filters.put("period", Set.of(question.period().toString()));
		AnalyticsResult result = this.analytics.query(me,
				new AnalyticsQuery(List.of(question.place(), "objective", "organisation"), filters, false));
		Map<String, Map<String, Set<String>>> active = new TreeMap<>();
		for (AnalyticsResult.Row row : result.rows()) {
			String place = row.keys().get(question.place());
			String objective = row.keys().get("objective");
			String organisation = row.keys().get("organisation");
			if (place == null || objective == null || organisation == null || !activity(row)
					|| !taken(question, known.get(organisation))) {
				continue;
			}
			active.computeIfAbsent(place, (k) -> new TreeMap<>())
				.computeIfAbsent(objective, (k) -> new TreeSet<>())
				.add(organisation);
		}
		return active;
	}

	/**
	 * Whether a row shows activity: a value other than zero, or values of several units.
	 */
	static boolean activity(AnalyticsResult.Row row) {
		return row.mixed() || (row.value() != null && row.value() != 0);
	}

	static boolean taken(Question question, @Nullable Organisation organisation) {
		if (organisation == null) {
			return question.types().isEmpty() && question.programming().isEmpty();
		}
		return (question.types().isEmpty() || question.types().contains(organisation.type()))
				&& (question.programming().isEmpty()
						|| organisation.programming().stream().anyMatch(question.programming()::contains));
	}

	private List<String> objectives() {
		FrameworkDefinition framework = this.frameworks.current().map(FrameworkVersion::definition).orElse(null);
		if (framework == null) {
			return List.of();
		}
		return framework.objectives()
			.stream()
			.filter(FrameworkDefinition.Objective::hasIndicators)
			.map(FrameworkDefinition.Objective::code)
			.toList();
	}

	private static Partner partner(Map<String, Organisation> known, String code, Locale locale) {
		Organisation o = known.get(code);
		return (o != null) ? new Partner(code, o.name(locale), o.type(), o.programming())
				: new Partner(code, code, OrganisationType.WORKING_GROUP, Set.of());
	}

	private static Count count(String key, Map<String, Set<String>> perObjective, Set<String> everyone,
			java.util.function.Predicate<String> member) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		perObjective.forEach((o, codes) -> counts.put(o, (int) codes.stream().filter(member).count()));
		return new Count(key, counts, (int) everyone.stream().filter(member).count());
	}

	/**
	 * The need that earlier activity shows: organisations (of the kinds asked about) were
	 * active for the objective here in one of the previous quarters, and none is now.
	 */
	@Component
	static class EarlierActivity implements GapSource {

		private final Analytics analytics;

		private final Organisations organisations;

		EarlierActivity(Analytics analytics, Organisations organisations) {
			this.analytics = analytics;
			this.organisations = organisations;
		}

		@Override
		public List<Need> needs(HululPrincipal me, Question question) {
			Map<String, Organisation> known = new HashMap<>();
			this.organisations.list().forEach((o) -> known.put(o.code(), o));
			Set<String> earlier = new TreeSet<>();
			Period p = question.period();
			for (int i = 0; i < EARLIER_QUARTERS; i++) {
				p = p.previous();
				earlier.add(p.toString());
			}
			Map<String, Set<String>> filters = question.area();
			filters.put("period", earlier);
			AnalyticsResult result = this.analytics.query(me, new AnalyticsQuery(
					List.of(question.place(), "objective", "organisation", "period"), filters, false));
			// the latest earlier quarter with activity, per place and objective
			Map<String, String> latest = new TreeMap<>();
			for (AnalyticsResult.Row row : result.rows()) {
				String place = row.keys().get(question.place());
				String objective = row.keys().get("objective");
				String organisation = row.keys().get("organisation");
				if (place == null || objective == null || organisation == null || !activity(row)
						|| !taken(question, known.get(organisation))) {
					continue;
				}
				latest.merge(place + "@" + objective, row.keys().get("period"),
						(a, b) -> (a.compareTo(b) >= 0) ? a : b);
			}
			List<Need> needs = new ArrayList<>();
			latest.forEach((key, quarter) -> {
				int at = key.indexOf('@');
				needs.add(new Need(key.substring(0, at), key.substring(at + 1), "who.gap.earlier", List.of(quarter)));
			});
			return needs;
		}

	}

}
