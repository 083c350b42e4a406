package org.hulul.demo;

import java.util.EnumSet;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hulul.organisations.OrganisationDetails;
import org.hulul.organisations.OrganisationType;
import org.hulul.organisations.Organisations;
import org.hulul.organisations.Programming;
import org.hulul.platform.Role;
import org.hulul.platform.Settings;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo dataset ({@code ./hulul start --demo}): two fictitious organisations, one user
 * per role (and a reporter for the second organisation), their approved reports of the
 * last four quarters and a few targets ({@link DemoReports}), and an area with its Plan
 * of Action under review ({@link DemoPlans}). Every organisation and user is flagged
 * demo, and once loaded every page carries a demo banner. Loaded once per database.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty("hulul.demo")
class DemoData implements ApplicationRunner {

	static final String PASSWORD = "demo-password";

	private static final Log logger = LogFactory.getLog(DemoData.class);

	private final Organisations organisations;

	private final UserAccounts accounts;

	private final Settings settings;

	private final DemoReports reports;

	private final DemoPlans plans;

	private final DemoMeetings meetings;

	DemoData(Organisations organisations, UserAccounts accounts, Settings settings, DemoReports reports,
			DemoPlans plans, DemoMeetings meetings) {
		this.plans = plans;
		this.meetings = meetings;
		this.organisations = organisations;
		this.accounts = accounts;
		this.settings = settings;
		this.reports = reports;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.settings.demoLoaded()) {
			return;
		}
		this.organisations.create(new OrganisationDetails("DEMO-NGO", "Demo Partner NGO (demo data)",
				"منظمة شريكة تجريبية (بيانات تجريبية)", OrganisationType.NATIONAL_NGO,
				EnumSet.of(Programming.HUMANITARIAN, Programming.RECOVERY)), true);
		this.organisations.create(
				new OrganisationDetails("DEMO-UN", "Demo UN Agency (demo data)", "وكالة أممية تجريبية (بيانات تجريبية)",
						OrganisationType.UN_AGENCY, EnumSet.of(Programming.HUMANITARIAN, Programming.DEVELOPMENT)),
				true);
		List<NewUser> users = List.of(
				new NewUser("demo-secretariat", "Demo secretariat", PASSWORD, Role.SECRETARIAT, "DEMO-UN", true, false),
				new NewUser("demo-reviewer", "Demo reviewer", PASSWORD, Role.REVIEWER, "DEMO-UN", true, false),
				new NewUser("demo-coordinator", "Demo area coordinator", PASSWORD, Role.AREA_COORDINATOR, "DEMO-NGO",
						true, false),
				new NewUser("demo-reporter", "Demo reporter", PASSWORD, Role.REPORTER, "DEMO-NGO", true, false),
				new NewUser("demo-viewer", "Demo viewer", PASSWORD, Role.VIEWER, "DEMO-UN", true, false),
				new NewUser("demo-un-reporter", "Demo UN agency reporter", PASSWORD, Role.REPORTER, "DEMO-UN", true,
						false));
		java.util.Map<String, org.hulul.platform.HululPrincipal> who = new java.util.HashMap<>();
		for (NewUser user : users) {
			this.accounts.create(user);
			who.put(user.username(), this.accounts.principal(user.username()).orElseThrow());
		}
		this.reports.load(who.get("demo-reporter"), "DEMO-NGO", who.get("demo-un-reporter"), "DEMO-UN",
				who.get("demo-reviewer"), who.get("demo-secretariat"));
		this.plans.load(who.get("demo-secretariat"), who.get("demo-coordinator"), "demo-coordinator",
				who.get("demo-un-reporter"), "DEMO-NGO", "DEMO-UN", java.time.LocalDate.now().getYear());
		this.meetings.load(who.get("demo-secretariat"), "DEMO-NGO", "DEMO-UN", java.time.LocalDate.now());
		this.settings.put(Settings.DEMO_LOADED, "true");
		logger.warn("""

				==================================================================
				  Demo data loaded (marked DEMO on every page).
				  Users: demo-secretariat, demo-reviewer, demo-coordinator,
				         demo-reporter, demo-un-reporter, demo-viewer
				  Password for all of them: %s
				==================================================================
				""".formatted(PASSWORD));
	}

}
