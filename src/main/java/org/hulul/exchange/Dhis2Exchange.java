package org.hulul.exchange;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.hulul.framework.FrameworkVersion;
import org.hulul.framework.Frameworks;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.NotFoundException;
import org.hulul.platform.OrganisationDirectory;
import org.hulul.platform.OrganisationRef;
import org.hulul.platform.Role;
import org.hulul.platform.StaleEditException;
import org.hulul.reporting.LineProblem;
import org.hulul.reporting.Period;
import org.hulul.reporting.Report;
import org.hulul.reporting.ReportLine;
import org.hulul.reporting.ReportStatus;
import org.hulul.reporting.ReportTransitionException;
import org.hulul.reporting.Reports;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DHIS2 data value sets (JSON, CSV) and ADX documents in and out of Hulul's reports,
 * through the mapping table ({@link CodeMappings}).
 * <p>
 * An import groups the values by organisation and quarter; each group goes into that
 * organisation's report for the quarter (opened as {@link Reports#open} opens it, with
 * the caller's permissions: only the organisation's reporters), where it replaces the
 * values of the indicators the group has ({@link Reports#importLines}). All or nothing
 * for the whole request: when any conflict is an error (an unknown code, a period that is
 * not a quarter, a value that breaks a rule, a report the caller may not change), nothing
 * at all is saved. A dry run saves nothing either, and says what an import would do.
 */
@Service
public class Dhis2Exchange {

	private final Reports reports;

	private final CodeMappings mappings;

	private final OrganisationDirectory organisations;

	private final Frameworks frameworks;

	private final MessageSource messages;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Dhis2Exchange(Reports reports, CodeMappings mappings, OrganisationDirectory organisations, Frameworks frameworks,
			MessageSource messages, PlatformTransactionManager transactions, Clock clock) {
		this.reports = reports;
		this.mappings = mappings;
		this.organisations = organisations;
		this.frameworks = frameworks;
		this.messages = messages;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Reads the file and imports its values.
	 * @param strict refuse ADX documents without {@code exported}, as the schema does
	 * @throws Dhis2FileException when the file cannot be read as {@code format}
	 */
	public Dhis2ImportSummary importFile(HululPrincipal me, Dhis2Format format, byte[] content, boolean dryRun,
			boolean strict, Locale locale) {
		if (content.length == 0 || Dhis2Format.sniff(content) == null) {
			throw new Dhis2FileException("dhis2.error.empty");
		}
		List<Dhis2DataValue> values = switch (format) {
			case JSON -> Dhis2JsonReader.read(content);
			case CSV -> Dhis2CsvReader.read(content);
			case ADX -> AdxReader.read(content, strict);
		};
		return importValues(me, values, dryRun, locale);
	}

	Dhis2ImportSummary importValues(HululPrincipal me, List<Dhis2DataValue> values, boolean dryRun, Locale locale) {
		Dhis2Codes codes = this.mappings.codes();
		String myOrganisation = (me.organisationId() != null)
				? this.organisations.find(me.organisationId()).map(OrganisationRef::code).orElse(null) : null;
		List<Dhis2ImportSummary.Conflict> conflicts = new ArrayList<>();
		// per organisation and quarter: the lines, each with the data element codes it
		// came
		// from
		Map<Target, Map<ReportLine.Key, Draft>> groups = new LinkedHashMap<>();
		for (Dhis2DataValue value : values) {
			Resolved resolved = resolve(value, codes, myOrganisation, conflicts, locale);
			if (resolved == null) {
				continue;
			}
			ReportLine.Key key = new ReportLine.Key(resolved.element().indicator(), resolved.pcode(),
					resolved.combo().populationGroup(), new TreeMap<>(resolved.combo().breakdown()));
			Draft draft = groups
				.computeIfAbsent(new Target(resolved.organisation(), resolved.period()), (t) -> new LinkedHashMap<>())
				.computeIfAbsent(key, (k) -> new Draft());
			if (!draft.set(resolved.element().part(), resolved.number(), value.comment(),
					String.valueOf(value.dataElement()))) {
				conflicts.add(error(String.valueOf(value.dataElement()), "dhis2.conflict.duplicate", locale,
						String.valueOf(value.dataElement()), value.orgUnit(), value.categoryOptionCombo(),
						value.period()));
			}
		}
		int[] counts = new int[4];
		this.transactions.executeWithoutResult((status) -> {
			for (Map.Entry<Target, Map<ReportLine.Key, Draft>> group : groups.entrySet()) {
				importGroup(me, group.getKey(), group.getValue(), dryRun, counts, conflicts, locale);
			}
			if (dryRun || conflicts.stream().anyMatch(Dhis2ImportSummary.Conflict::error)) {
				status.setRollbackOnly();
			}
		});
		boolean errors = conflicts.stream().anyMatch(Dhis2ImportSummary.Conflict::error);
		Dhis2ImportSummary.ImportCount count = errors ? new Dhis2ImportSummary.ImportCount(0, 0, values.size(), 0)
				: new Dhis2ImportSummary.ImportCount(counts[0], counts[1], counts[2], counts[3]);
		Dhis2ImportSummary.Status status = errors ? Dhis2ImportSummary.Status.ERROR
				: conflicts.isEmpty() ? Dhis2ImportSummary.Status.SUCCESS : Dhis2ImportSummary.Status.WARNING;
		return new Dhis2ImportSummary(status, count, conflicts.stream().distinct().toList());
	}

	private void importGroup(HululPrincipal me, Target target, Map<ReportLine.Key, Draft> drafts, boolean dryRun,
			int[] counts, List<Dhis2ImportSummary.Conflict> conflicts, Locale locale) {
		String object = target.organisation() + " " + target.period();
		List<ReportLine> lines = new ArrayList<>(drafts.size());
		List<String> sources = new ArrayList<>(drafts.size());
		Set<String> indicators = new LinkedHashSet<>();
		drafts.forEach((key, draft) -> {
			lines.add(draft.line(key));
			sources.add(draft.source);
			indicators.add(key.indicator());
		});
		try {
			Report report = this.reports.open(me, target.organisation(), target.period().toString());
			Reports.ImportOutcome outcome = this.reports.importLines(me, report.id(), indicators, lines, dryRun);
			counts[0] += outcome.imported();
			counts[1] += outcome.updated();
			counts[2] += outcome.unchanged();
			counts[3] += outcome.deleted();
			for (LineProblem problem : outcome.problems()) {
				String reason = this.messages.getMessage(problem.messageKey(), problem.args().toArray(),
						problem.messageKey(), locale);
				String where = sources.get(problem.line()) + " (" + lines.get(problem.line()).label() + ")";
				conflicts.add(new Dhis2ImportSummary.Conflict(where, reason,
						problem.severity() == LineProblem.Severity.ERROR));
			}
		}
		catch (AccessDeniedException ex) {
			conflicts.add(error(object, "dhis2.conflict.notYourOrganisation", locale, target.organisation()));
		}
		catch (ReportTransitionException ex) {
			conflicts.add(error(object, "dhis2.conflict.report", locale, object,
					this.messages.getMessage(ex.messageKey(), ex.args().toArray(), ex.messageKey(), locale)));
		}
		catch (InvalidInputException ex) {
			InvalidInputException.FieldProblem problem = ex.problems().get(0);
			conflicts.add(error(object, "dhis2.conflict.report", locale, object, this.messages
				.getMessage(problem.messageKey(), problem.args().toArray(), problem.messageKey(), locale)));
		}
		catch (StaleEditException ex) {
			conflicts.add(error(object, "dhis2.conflict.busy", locale, object));
		}
	}

	/** The value's codes mapped, or null when one is unknown (a conflict each). */
	private @Nullable Resolved resolve(Dhis2DataValue value, Dhis2Codes codes, @Nullable String myOrganisation,
			List<Dhis2ImportSummary.Conflict> conflicts, Locale locale) {
		int before = conflicts.size();
		Period period = null;
		String periodText = String.valueOf(value.period());
		try {
			period = Dhis2Period.parse(periodText);
		}
		catch (Dhis2Period.NotAQuarterException ex) {
			conflicts.add(error(periodText, "dhis2.conflict.notAQuarter", locale, periodText));
		}
		catch (IllegalArgumentException ex) {
			conflicts.add(error(periodText, "dhis2.conflict.period", locale, periodText));
		}
		String dataElement = String.valueOf(value.dataElement());
		Dhis2Codes.Element element = (value.dataElement() != null) ? codes.dataElement(dataElement).orElse(null) : null;
		if (element == null) {
			conflicts.add(error(dataElement, "dhis2.conflict.dataElement", locale, dataElement));
		}
		String orgUnit = String.valueOf(value.orgUnit());
		String pcode = (value.orgUnit() != null) ? codes.orgUnit(orgUnit).orElse(null) : null;
		if (pcode == null) {
			conflicts.add(error(orgUnit, "dhis2.conflict.orgUnit", locale, orgUnit));
		}
		Dhis2Codes.Combo combo = codes.categoryOptionCombo(value.categoryOptionCombo()).orElse(null);
		if (combo == null) {
			String code = Objects.requireNonNullElse(value.categoryOptionCombo(), Dhis2Codes.DEFAULT);
			conflicts.add(error(code, "dhis2.conflict.categoryOptionCombo", locale, code));
		}
		String organisation = codes.attributeOptionCombo(value.attributeOptionCombo(), myOrganisation).orElse(null);
		if (organisation == null) {
			String code = Objects.requireNonNullElse(value.attributeOptionCombo(), Dhis2Codes.DEFAULT);
			conflicts.add(error(code, code.equals(Dhis2Codes.DEFAULT) ? "dhis2.conflict.noOrganisation"
					: "dhis2.conflict.attributeOptionCombo", locale, code));
		}
		BigDecimal number = null;
		if (value.value() == null || value.value().isBlank()) {
			conflicts.add(error(dataElement, "dhis2.conflict.noValue", locale, dataElement, orgUnit));
		}
		else {
			try {
				number = new BigDecimal(value.value().strip());
			}
			catch (NumberFormatException ex) {
				conflicts.add(error(value.value(), "dhis2.conflict.value", locale, value.value(), dataElement));
			}
		}
		if (conflicts.size() > before) {
			return null;
		}
		return new Resolved(Objects.requireNonNull(period), Objects.requireNonNull(element),
				Objects.requireNonNull(pcode), Objects.requireNonNull(combo), Objects.requireNonNull(organisation),
				Objects.requireNonNull(number));
	}

	private Dhis2ImportSummary.Conflict error(String object, String messageKey, Locale locale,
			@Nullable Object... args) {
		return new Dhis2ImportSummary.Conflict(object, this.messages.getMessage(messageKey, args, locale), true);
	}

	// exports

	/** A report's values, in the format, through the mapping table. */
	public String exportReport(HululPrincipal me, long reportId, Dhis2Format format) {
		Report report = this.reports.get(me, reportId);
		return write(format, values(report, this.reports.lines(me, reportId), this.mappings.codes()));
	}

	/**
	 * The values of every approved report of the quarter (reviewers, administrators and
	 * the secretariat).
	 */
	public String exportApproved(HululPrincipal me, Period period, Dhis2Format format) {
		if (!Reports.isReviewer(me) && !me.is(Role.SECRETARIAT)) {
			throw new AccessDeniedException("Only reviewers export a whole quarter");
		}
		Dhis2Codes codes = this.mappings.codes();
		List<Exported> values = new ArrayList<>();
		for (Report report : this.reports.visible(me)) {
			if (report.period().equals(period) && report.status() == ReportStatus.APPROVED) {
				values.addAll(values(report, this.reports.lines(me, report.id()), codes));
			}
		}
		return write(format, values);
	}

	/** The report the caller may see, or none. */
	public Report report(HululPrincipal me, long reportId) {
		return this.reports.get(me, reportId);
	}

	private String write(Dhis2Format format, List<Exported> values) {
		return switch (format) {
			case JSON -> Dhis2Writer.json(values.stream().map(Exported::value).toList());
			case CSV -> Dhis2Writer.csv(values.stream().map(Exported::value).toList());
			case ADX -> Dhis2Writer.adx(
					values.stream().map((v) -> new Dhis2Writer.AdxValue(adxPeriod(v.value()), v.spelledOut())).toList(),
					this.frameworks.current().map(FrameworkVersion::frameworkCode).orElse("hulul"),
					this.clock.instant());
		};
	}

	private static Dhis2DataValue adxPeriod(Dhis2DataValue value) {
		return new Dhis2DataValue(value.dataElement(), Dhis2Period.adx(Period.parse(String.valueOf(value.period()))),
				value.orgUnit(), value.categoryOptionCombo(), value.attributeOptionCombo(), value.value(),
				value.comment());
	}

	private List<Exported> values(Report report, List<ReportLine> lines, Dhis2Codes codes) {
		String organisation = this.organisations.find(report.organisationId())
			.map(OrganisationRef::code)
			.orElseThrow(() -> new NotFoundException("organisation", report.organisationId()));
		String attribute = codes.attributeCode(organisation);
		String period = Dhis2Period.dhis2(report.period());
		List<Exported> values = new ArrayList<>(lines.size());
		for (ReportLine line : lines) {
			String orgUnit = codes.orgUnitCode(line.location());
			String combo = codes.comboCode(line.disaggregation(), line.populationGroup());
			boolean spelledOut = !codes.comboMapped(line.disaggregation(), line.populationGroup());
			if (line.value() != null) {
				values.add(
						new Exported(
								new Dhis2DataValue(codes.dataElementCode(line.indicator(), Dhis2Codes.Part.VALUE),
										period, orgUnit, combo, attribute, number(line.value()), line.comment()),
								spelledOut));
			}
			if (line.numerator() != null) {
				values
					.add(new Exported(
							new Dhis2DataValue(codes.dataElementCode(line.indicator(), Dhis2Codes.Part.NUMERATOR),
									period, orgUnit, combo, attribute, number(line.numerator()), line.comment()),
							spelledOut));
			}
			if (line.denominator() != null) {
				values.add(
						new Exported(
								new Dhis2DataValue(codes.dataElementCode(line.indicator(), Dhis2Codes.Part.DENOMINATOR),
										period, orgUnit, combo, attribute, number(line.denominator()), null),
								spelledOut));
			}
		}
		return values;
	}

	private static String number(BigDecimal value) {
		BigDecimal plain = value.stripTrailingZeros();
		return (plain.scale() < 0) ? plain.setScale(0).toPlainString() : plain.toPlainString();
	}

	/** An organisation's report for a quarter. */
	private record Target(String organisation, Period period) {
	}

	private record Resolved(Period period, Dhis2Codes.Element element, String pcode, Dhis2Codes.Combo combo,
			String organisation, BigDecimal number) {
	}

	private record Exported(Dhis2DataValue value, boolean spelledOut) {
	}

	/** The value, numerator and denominator of one line as the file gives them. */
	private static final class Draft {

		private @Nullable BigDecimal value;

		private @Nullable BigDecimal numerator;

		private @Nullable BigDecimal denominator;

		private @Nullable String comment;

		private String source = "";

		/** Sets one part; false when the file gave it already. */
		boolean set(Dhis2Codes.Part part, BigDecimal number, @Nullable String comment, String dataElement) {
			switch (part) {
				case VALUE -> {
					if (this.value != null) {
						return false;
					}
					this.value = number;
				}
				case NUMERATOR -> {
					if (this.numerator != null) {
						return false;
					}
					this.numerator = number;
				}
				case DENOMINATOR -> {
					if (this.denominator != null) {
						return false;
					}
					this.denominator = number;
				}
			}
			if (this.comment == null && comment != null && !comment.isBlank()) {
				this.comment = comment.strip();
			}
			this.source = this.source.isEmpty() ? dataElement : this.source;
			return true;
		}

		ReportLine line(ReportLine.Key key) {
			return new ReportLine(key.indicator(), key.location(), key.populationGroup(), key.disaggregation(),
					this.value, this.numerator, this.denominator, this.comment);
		}

	}

}
