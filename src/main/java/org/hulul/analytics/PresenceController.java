package org.hulul.analytics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hulul.geo.Location;
import org.hulul.geo.Locations;
import org.hulul.organisations.OrganisationType;
import org.hulul.organisations.Programming;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.SpreadsheetText;
import org.hulul.reporting.Period;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The who-does-what-where page ({@link Presence}) and its download, one line per place,
 * objective and organisation with HXL hashtags (a 4W list).
 */
@Controller
class PresenceController {

	private final Presence presence;

	private final AnalyticsStore store;

	private final Locations locations;

	private final AnalyticsLabels labels;

	private final MessageSource messages;

	PresenceController(Presence presence, AnalyticsStore store, Locations locations, AnalyticsLabels labels,
			MessageSource messages) {
		this.presence = presence;
		this.store = store;
		this.locations = locations;
		this.labels = labels;
		this.messages = messages;
	}

	/** A choice in a list. */
	public record Choice(String code, String label) {
	}

	@GetMapping("/analytics/who")
	String page(@AuthenticationPrincipal HululPrincipal me, @RequestParam(required = false) @Nullable String period,
			@RequestParam(defaultValue = "1") int level, @RequestParam(required = false) @Nullable String within,
			@RequestParam(name = "type", required = false) @Nullable List<String> types,
			@RequestParam(required = false) @Nullable List<String> programming, Locale locale, Model model) {
		List<String> periods = this.store.periodCodes();
		model.addAttribute("periods", periods);
		model.addAttribute("types", choices(OrganisationType.values(), "organisation.type.", locale));
		model.addAttribute("programmings", choices(Programming.values(), "organisation.programming.", locale));
		model.addAttribute("governorates",
				this.locations.atLevel(1).stream().map((l) -> new Choice(l.pcode(), l.name(locale))).toList());
		if (periods.isEmpty()) {
			model.addAttribute("matrix", null);
			return "analytics/who";
		}
		Presence.Question question = question(period, periods, level, within, types, programming);
		model.addAttribute("question", question);
		model.addAttribute("chosenTypes", question.types().stream().map(Enum::name).toList());
		model.addAttribute("chosenProgramming", question.programming().stream().map(Enum::name).toList());
		model.addAttribute("placeLabel", this.labels.dimension(question.place(), locale));
		model.addAttribute("withinName", (question.within() != null)
				? this.labels.value("adm" + question.withinLevel(), question.within(), locale) : null);
		Presence.Matrix matrix = this.presence.of(me, question, locale);
		java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
		matrix.objectives().forEach((o) -> names.put(o, this.labels.value("objective", o, locale)));
		model.addAttribute("objectiveNames", names);
		model.addAttribute("matrix", matrix);
		return "analytics/who";
	}

	@GetMapping(path = "/analytics/who.csv", produces = "text/csv")
	ResponseEntity<String> csv(@AuthenticationPrincipal HululPrincipal me,
			@RequestParam(required = false) @Nullable String period, @RequestParam(defaultValue = "1") int level,
			@RequestParam(required = false) @Nullable String within,
			@RequestParam(name = "type", required = false) @Nullable List<String> types,
			@RequestParam(required = false) @Nullable List<String> programming, Locale locale) throws IOException {
		List<String> periods = this.store.periodCodes();
		StringBuilder csv = new StringBuilder("\uFEFF");
		try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT)) {
			printer.printRecord(text("who.csv.quarter", locale), text("who.csv.pcode", locale),
					text("who.csv.place", locale), text("who.csv.objective", locale),
					text("who.csv.organisation", locale), text("who.csv.organisationName", locale),
					text("who.csv.type", locale), text("who.csv.programming", locale));
			printer.printRecord("#date+reported", "#adm" + Math.max(1, Math.min(3, level)) + "+code",
					"#adm" + Math.max(1, Math.min(3, level)) + "+name", "#sector+code", "#org+code", "#org+name",
					"#org+type", "#activity+type");
			if (!periods.isEmpty()) {
				Presence.Question question = question(period, periods, level, within, types, programming);
				Presence.Matrix matrix = this.presence.of(me, question, locale);
				for (Presence.Place place : matrix.places()) {
					for (String objective : matrix.objectives()) {
						for (Presence.Partner partner : place.at(objective)) {
							printer.printRecord(question.period(), place.pcode(),
									SpreadsheetText.neutralised(place.name()), objective, partner.code(),
									SpreadsheetText.neutralised(partner.name()),
									text(partner.type().labelKey(), locale),
									String.join("; ",
											partner.programming()
												.stream()
												.sorted()
												.map((p) -> text(p.labelKey(), locale))
												.toList()));
						}
					}
				}
			}
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hulul-4w.csv\"")
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.body(csv.toString());
	}

	private Presence.Question question(@Nullable String period, List<String> periods, int level,
			@Nullable String within, @Nullable List<String> types, @Nullable List<String> programming) {
		String chosen = (period != null && !period.isBlank()) ? period.strip() : periods.get(periods.size() - 1);
		Period quarter;
		try {
			quarter = Period.parse(chosen);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of("period", "who.error.period", chosen);
		}
		if (level < 1 || level > 3) {
			throw InvalidInputException.of("level", "who.error.level", level);
		}
		String area = null;
		int areaLevel = 0;
		if (within != null && !within.isBlank()) {
			Location place = this.locations.find(within.strip())
				.orElseThrow(() -> InvalidInputException.of("within", "who.error.within", within.strip()));
			area = place.pcode();
			areaLevel = place.level();
		}
		return new Presence.Question(quarter, Math.max(level, areaLevel), area, areaLevel,
				parse(OrganisationType.class, types), parse(Programming.class, programming));
	}

	private static <E extends Enum<E>> Set<E> parse(Class<E> type, @Nullable List<String> values) {
		Set<E> parsed = EnumSet.noneOf(type);
		if (values != null) {
			for (String value : values) {
				if (value != null && !value.isBlank()) {
					try {
						parsed.add(Enum.valueOf(type, value.strip()));
					}
					catch (IllegalArgumentException ex) {
						throw InvalidInputException.of(type.getSimpleName(), "who.error.choice", value.strip());
					}
				}
			}
		}
		return parsed;
	}

	private List<Choice> choices(Enum<?>[] values, String prefix, Locale locale) {
		List<Choice> choices = new ArrayList<>();
		for (Enum<?> value : values) {
			choices.add(new Choice(value.name(), text(prefix + value.name(), locale)));
		}
		return choices;
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
