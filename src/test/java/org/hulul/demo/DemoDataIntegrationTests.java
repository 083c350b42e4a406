package org.hulul.demo;

import jakarta.servlet.http.Cookie;
import org.hulul.HululIntegrationTest;
import org.hulul.organisations.Organisations;
import org.hulul.platform.Role;
import org.hulul.platform.Settings;
import org.hulul.platform.UserAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The demo dataset, loaded into the shared test database the way {@code --demo} does.
 */
@HululIntegrationTest
class DemoDataIntegrationTests {

	@Autowired
	Organisations organisations;

	@Autowired
	UserAccounts accounts;

	@Autowired
	Settings settings;

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoReports reports;

	@Autowired
	org.jooq.DSLContext db;

	@Autowired
	DemoPlans plans;

	@Autowired
	DemoMeetings demoMeetings;

	@Autowired
	org.hulul.coordination.Meetings meetings;

	@Autowired
	org.hulul.areas.Plans planOfAction;

	@Autowired
	org.hulul.areas.Activities activities;

	@Autowired
	org.hulul.areas.Reviews reviews;

	@Test
	void demoDataIsLoadedOnceAndLabelledEverywhere() throws Exception {
		DemoData demo = new DemoData(this.organisations, this.accounts, this.settings, this.reports, this.plans,
				this.demoMeetings);
		demo.run(null);
		demo.run(null);
		assertThat(this.organisations.getByCode("DEMO-NGO")).hasValueSatisfying((o) -> assertThat(o.demo()).isTrue());
		for (Role role : new Role[] { Role.SECRETARIAT, Role.REVIEWER, Role.AREA_COORDINATOR, Role.REPORTER,
				Role.VIEWER }) {
			assertThat(this.accounts.all()).filteredOn((a) -> a.demo() && a.role() == role)
				.hasSize((role == Role.REPORTER) ? 2 : 1);
		}
		// each demo organisation's last four quarters, approved, loaded once
		for (String code : new String[] { "DEMO-NGO", "DEMO-UN" }) {
			long id = this.organisations.getByCode(code).orElseThrow().id();
			assertThat(this.db.fetchCount(org.hulul.db.Tables.REPORT, org.hulul.db.Tables.REPORT.ORGANISATION_ID.eq(id)
				.and(org.hulul.db.Tables.REPORT.STATUS.eq("APPROVED")))).isEqualTo(4);
		}
		// the demo area's plan: at drafting with the authorities' input, three activities
		// with progress from the demo reports, a review open with a comment
		java.util.List<org.hulul.areas.Plan> plans = this.planOfAction.ofArea(DemoPlans.AREA);
		assertThat(plans).hasSize(1);
		org.hulul.areas.Plan plan = plans.get(0);
		assertThat(plan.step()).isEqualTo(6);
		assertThat(plan.inputByAuthorities()).isTrue();
		org.hulul.platform.HululPrincipal viewer = this.accounts.principal("demo-viewer").orElseThrow();
		org.hulul.areas.Activities.PlanProgress progress = this.activities.progress(viewer, plan.id());
		assertThat(progress.activities()).hasSize(3);
		assertThat(progress.activities().get(1).targets())
			.anySatisfy((t) -> assertThat(t.reached().achieved()).isNotNull());
		assertThat(this.reviews.ofPlan(plan.id())).singleElement().satisfies((r) -> {
			assertThat(r.open()).isTrue();
			assertThat(r.comments()).hasSize(1);
		});
		// the demo's DSTWG meetings: the action points of the first carried into the
		// third, the one closed (today, after the second) shown as completed
		java.util.List<org.hulul.coordination.Meeting> held = this.meetings.ofBody("DSTWG");
		assertThat(held).hasSizeGreaterThanOrEqualTo(3);
		org.hulul.coordination.Meeting next = held.get(held.size() - 1);
		assertThat(next.carriedOver()).extracting((a) -> a.status() + " " + a.text())
			.contains("IN_PROGRESS Demo data: share the impact fact sheet",
					"COMPLETED Demo data: follow up on restarting the task force");
		assertThat(next.carriedOver()).allSatisfy((a) -> assertThat(a.carriedOver()).isEqualTo(2));
		Cookie session = this.mvc
			.perform(
					post("/login").with(csrf()).param("username", "demo-reporter").param("password", DemoData.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse()
			.getCookie("HULUL_SESSION");
		this.mvc.perform(get("/organisations").cookie(session))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("class=\"demo-banner\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("DEMO-NGO")));
		this.mvc.perform(get("/login"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("class=\"demo-banner\"")));
	}

}
