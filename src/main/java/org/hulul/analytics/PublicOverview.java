package org.hulul.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hulul.geo.Locations;
import org.hulul.platform.AuditAction;
import org.hulul.platform.AuditLog;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.Role;
import org.hulul.platform.Settings;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public may see without signing in: the overview of approved values of all
 * organisations together and one indicator by governorate, each value below the minimum
 * withheld (a ratio whose denominator is below it), so that small groups of people cannot
 * be singled out; nothing per organisation, nothing not yet approved. The secretariat
 * sets the minimum and may close it to the public.
 */
@Service
public class PublicOverview {

	static final String MINIMUM_SETTING = "public_dashboard.minimum";

	static final String OPEN_SETTING = "public_dashboard.open";

	static final int MAX_MINIMUM = 1000;

	private final Overviews overviews;

	private final Analytics analytics;

	private final Locations locations;

	private final Settings settings;

	private final AuditLog audit;

	private final int defaultMinimum;

	PublicOverview(Overviews overviews, Analytics analytics, Locations locations, Settings settings, AuditLog audit,
			@Value("${hulul.public.minimum:5}") int defaultMinimum) {
		this.overviews = overviews;
		this.analytics = analytics;
		this.locations = locations;
		this.settings = settings;
		this.audit = audit;
		this.defaultMinimum = defaultMinimum;
	}

	/** A governorate's figure: its value, or withheld. */
	public record Figure(String pcode, String name, @Nullable Double value, boolean withheld) {
	}

	/** An indicator by governorate in the latest of the quarters where it has values. */
	public record ByGovernorate(String quarter, List<Figure> figures) {
	}

	public static boolean mayEdit(@Nullable HululPrincipal me) {
		return me != null && (me.is(Role.SECRETARIAT) || me.is(Role.ADMIN));
	}

	public int minimum() {
		return this.settings.find(MINIMUM_SETTING).map(Integer::parseInt).orElse(this.defaultMinimum);
	}

	public boolean open() {
		return this.settings.find(OPEN_SETTING).map(Boolean::parseBoolean).orElse(true);
	}

	public Overviews.Overview overview(Locale locale) {
		return this.overviews.ofPublic(minimum(), locale);
	}

	/**
	 * The indicator by governorate in the latest of {@code quarters} where it has values.
	 */
	public ByGovernorate byGovernorate(String indicator, List<String> quarters, Locale locale) {
		int minimum = minimum();
		AnalyticsQuery query = new AnalyticsQuery(List.of("period", "adm1"),
				Map.of("indicator", Set.of(indicator), "period", Set.copyOf(quarters)), false);
		List<AnalyticsResult.Row> rows = this.analytics.run(query, false).rows();
		String quarter = rows.stream()
			.map((r) -> r.keys().get("period"))
			.filter(java.util.Objects::nonNull)
			.max(String::compareTo)
			.orElse(quarters.get(quarters.size() - 1));
		List<Figure> figures = new ArrayList<>();
		for (AnalyticsResult.Row row : rows) {
			String pcode = row.keys().get("adm1");
			if (pcode != null && quarter.equals(row.keys().get("period"))) {
				boolean withheld = Overviews.withheld(row, minimum);
				figures.add(new Figure(pcode, this.locations.find(pcode).map((l) -> l.name(locale)).orElse(pcode),
						withheld ? null : row.value(), withheld));
			}
		}
		figures.sort(java.util.Comparator.comparing(Figure::name));
		return new ByGovernorate(quarter, figures);
	}

	/**
	 * Sets the minimum (a whole number from 0 to 1000, as typed) and whether it is open.
	 */
	@Transactional
	public void change(@Nullable HululPrincipal me, @Nullable String minimum, boolean open) {
		if (!mayEdit(me)) {
			throw new AccessDeniedException("Only the secretariat and administrators change the public dashboard");
		}
		int value;
		try {
			value = Integer.parseInt((minimum != null) ? minimum.strip() : "");
		}
		catch (NumberFormatException ex) {
			value = -1;
		}
		if (value < 0 || value > MAX_MINIMUM) {
			throw InvalidInputException.of("minimum", "public.error.minimum", String.valueOf(minimum));
		}
		Map<String, Object> before = Map.of("minimum", minimum(), "open", open());
		this.settings.put(MINIMUM_SETTING, Integer.toString(value));
		this.settings.put(OPEN_SETTING, Boolean.toString(open));
		this.audit.record(AuditAction.UPDATE, "setting", "public",
				AuditLog.summary("audit.summary.publicSettings", value, open), before,
				Map.of("minimum", value, "open", open));
	}

}
