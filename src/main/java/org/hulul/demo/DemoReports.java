package org.hulul.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hulul.analytics.Targets;
import org.hulul.platform.HululPrincipal;
import org.hulul.reporting.Period;
import org.hulul.reporting.PeriodDates;
import org.hulul.reporting.Report;
import org.hulul.reporting.ReportLine;
import org.hulul.reporting.ReportingCalendar;
import org.hulul.reporting.Reports;

import org.springframework.stereotype.Component;

/**
 * The demo organisations' reports: the four quarters before this one, a few indicators of
 * each objective in Sinjar (Ninewa) and Kirkuk, entered, submitted and approved through
 * the reporting rules as partners and a reviewer would; and a few targets for this year.
 * Quarters whose lock date has passed are unlocked while the reports go in and locked
 * again with their own dates afterwards (the reports count as late).
 */
@Component
class DemoReports {

	private final Reports reports;

	private final ReportingCalendar calendar;

	private final Targets targets;

	DemoReports(Reports reports, ReportingCalendar calendar, Targets targets) {
		this.reports = reports;
		this.calendar = calendar;
		this.targets = targets;
	}

	/** A demo organisation and the lines it reports in quarter {@code q} (0: oldest). */
	interface Lines {

		List<ReportLine> of(int q);

	}

	void load(HululPrincipal ngo, String ngoCode, HululPrincipal un, String unCode, HululPrincipal reviewer,
			HululPrincipal secretariat) {
		LocalDate today = this.calendar.today();
		Period first = Period.of(today);
		for (int i = 0; i < 4; i++) {
			first = first.previous();
		}
		Period period = first;
		for (int q = 0; q < 4; q++, period = period.next()) {
			PeriodDates dates = this.calendar.dates(period);
			boolean locked = !today.isBefore(dates.lockDate());
			PeriodDates open = locked
					? this.calendar.change(period, dates.version(), dates.deadline(), today.plusDays(1)) : dates;
			report(ngo, ngoCode, period, ngoLines(q), reviewer);
			report(un, unCode, period, unLines(q), reviewer);
			if (locked) {
				this.calendar.change(period, open.version(), dates.deadline(), dates.lockDate());
			}
		}
		int year = today.getYear();
		for (String[] target : new String[][] { { "SO2-TS-01", "IQG15", "400" },
				{ "SO3-EMP-01", Targets.NATIONAL, "250" }, { "SO4-HLT-01", "IQG15", "900" },
				{ "SO2-HC-01", "IQG13", "60" } }) {
			this.targets.put(secretariat, new Targets.Entered(target[0], target[1], year, Double.valueOf(target[2])),
					null);
		}
	}

	private void report(HululPrincipal reporter, String organisation, Period period, List<ReportLine> lines,
			HululPrincipal reviewer) {
		Report report = this.reports.open(reporter, organisation, period.toString());
		this.reports.saveLines(reporter, report.id(), null, lines);
		this.reports.submit(reporter, report.id(), true);
		this.reports.approve(reviewer, report.id());
	}

	/**
	 * The NGO: legal help by sex (SO2-TS-01) at Sinjar centre and Al-Qairawan, people
	 * placed in jobs (SO3-EMP-01) and patients at Sinjar centre (SO4-HLT-01).
	 */
	private static List<ReportLine> ngoLines(int q) {
		List<ReportLine> lines = new ArrayList<>();
		for (String place : List.of("IQG15Q07N03", "IQG15Q07N01")) {
			int base = place.endsWith("3") ? 40 : 25;
			lines.add(line("SO2-TS-01", place, Map.of("sex", "female"), base + 6 * q));
			lines.add(line("SO2-TS-01", place, Map.of("sex", "male"), base - 5 + 4 * q));
		}
		lines.add(line("SO3-EMP-01", "IQG15Q07N03", Map.of(), 18 + 3 * q));
		lines.add(line("SO4-HLT-01", "IQG15Q07N03", Map.of(), 140 + 15 * q));
		return lines;
	}

	/**
	 * The UN agency: houses rehabilitated (SO2-HC-01) in Sinjar and Kirkuk, people placed
	 * in jobs (SO3-EMP-01) in Kirkuk, the enrolment rate (SO4-EDU-01) and the same
	 * facility's patients (SO4-HLT-01, not double-counted) at Sinjar centre.
	 */
	private static List<ReportLine> unLines(int q) {
		List<ReportLine> lines = new ArrayList<>();
		lines.add(line("SO2-HC-01", "IQG15Q07N03", Map.of(), 12 + 2 * q));
		lines.add(line("SO2-HC-01", "IQG13Q01N01", Map.of(), 8 + q));
		lines.add(line("SO3-EMP-01", "IQG13Q01N01", Map.of(), 30 + 5 * q));
		lines.add(new ReportLine("SO4-EDU-01", "IQG15Q07N03", "returnee", new TreeMap<>(), null,
				BigDecimal.valueOf(310 + 20L * q), BigDecimal.valueOf(520), null));
		lines.add(line("SO4-HLT-01", "IQG15Q07N03", Map.of(), 120 + 25 * q));
		return lines;
	}

	private static ReportLine line(String indicator, String location, Map<String, String> breakdown, int value) {
		return ReportLine.of(indicator, location, "returnee", breakdown, BigDecimal.valueOf(value));
	}

}
