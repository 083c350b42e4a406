package org.hulul.analytics;

import java.util.Locale;

import org.hulul.framework.FrameworkDefinition;
import org.hulul.framework.Frameworks;
import org.hulul.geo.Locations;
import org.hulul.organisations.Organisations;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** What the codes of the analytics' dimensions are called, in the reader's language. */
@Component
public class AnalyticsLabels {

	private final Frameworks frameworks;

	private final Locations locations;

	private final Organisations organisations;

	private final MessageSource messages;

	AnalyticsLabels(Frameworks frameworks, Locations locations, Organisations organisations, MessageSource messages) {
		this.frameworks = frameworks;
		this.locations = locations;
		this.organisations = organisations;
		this.messages = messages;
	}

	/** The name of a dimension ("Governorate", "Sex" …). */
	public String dimension(String dimension, Locale locale) {
		if (Analytics.DIMENSIONS.contains(dimension)) {
			return this.messages.getMessage("analytics.dimension." + dimension, null, locale);
		}
		return framework().flatMap((f) -> f.category(dimension)).map((c) -> c.name().in(locale)).orElse(dimension);
	}

	/**
	 * The name of a dimension's value; "not at this level" or "not broken down" for none.
	 */
	public String value(String dimension, @Nullable String code, Locale locale) {
		if (code == null || code.isEmpty()) {
			return this.messages.getMessage(
					dimension.startsWith("adm") ? "analytics.none.level"
							: Analytics.DIMENSIONS.contains(dimension) ? "analytics.none" : "analytics.none.breakdown",
					null, locale);
		}
		FrameworkDefinition framework = framework().orElse(null);
		return switch (dimension) {
			case "indicator" -> (framework == null) ? code
					: framework.indicator(code).map((i) -> code + " " + i.name().in(locale)).orElse(code);
			case "objective" -> (framework == null) ? code
					: framework.objectives()
						.stream()
						.filter((o) -> o.code().equals(code))
						.findFirst()
						.map((o) -> code + " " + o.shortName().in(locale))
						.orElse(code);
			case "subCriterion" -> (framework == null) ? code
					: framework.objectives()
						.stream()
						.flatMap((o) -> o.subCriteria().stream())
						.filter((s) -> s.code().equals(code))
						.findFirst()
						.map((s) -> code + " " + s.name().in(locale))
						.orElse(code);
			case "adm1", "adm2", "adm3" -> this.locations.find(code).map((l) -> l.name(locale)).orElse(code);
			case "organisation" -> this.organisations.getByCode(code).map((o) -> o.name(locale)).orElse(code);
			case "organisationType" -> this.messages.getMessage("organisation.type." + code, null, code, locale);
			case "populationGroup" -> (framework == null) ? code
					: framework.populationGroups()
						.stream()
						.filter((g) -> g.code().equals(code))
						.findFirst()
						.map((g) -> g.name().in(locale))
						.orElse(code);
			case "period", "year" -> code;
			default -> (framework == null) ? code
					: framework.category(dimension)
						.flatMap((c) -> c.options().stream().filter((o) -> o.code().equals(code)).findFirst())
						.map((o) -> o.name().in(locale))
						.orElse(code);
		};
	}

	public String subtotal(Locale locale) {
		return this.messages.getMessage("analytics.subtotal", null, locale);
	}

	public String total(Locale locale) {
		return this.messages.getMessage("analytics.total", null, locale);
	}

	public String valueHeader(Locale locale) {
		return this.messages.getMessage("analytics.value", null, locale);
	}

	private java.util.Optional<FrameworkDefinition> framework() {
		return this.frameworks.current().map((v) -> v.definition());
	}

}
