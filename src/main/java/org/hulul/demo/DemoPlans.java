package org.hulul.demo;

import java.util.List;
import java.util.Map;

import org.hulul.areas.Activities;
import org.hulul.areas.Area;
import org.hulul.areas.Areas;
import org.hulul.areas.Plan;
import org.hulul.areas.PlanSection;
import org.hulul.areas.Plans;
import org.hulul.areas.Review;
import org.hulul.areas.Reviews;
import org.hulul.platform.HululPrincipal;

import org.springframework.stereotype.Component;

/**
 * The demo's area and its Plan of Action: an ABC over Sinjar (Ninewa) and Duhok district
 * (Duhok), coordinated by the demo coordinator, its plan taken to the drafting step with
 * the authorities' input, two sections written, three activities with targets of this
 * year where the demo organisations report, and a review round open with one comment.
 * Every name says it is demo data.
 */
@Component
class DemoPlans {

	static final String AREA = "DEMO-SINJAR";

	private final Areas areas;

	private final Plans plans;

	private final Activities activities;

	private final Reviews reviews;

	DemoPlans(Areas areas, Plans plans, Activities activities, Reviews reviews) {
		this.areas = areas;
		this.plans = plans;
		this.activities = activities;
		this.reviews = reviews;
	}

	void load(HululPrincipal secretariat, HululPrincipal coordinator, String coordinatorName, HululPrincipal unReporter,
			String ngo, String un, int year) {
		Area area = this.areas.create(secretariat,
				new Areas.Entered(AREA, "Sinjar ABC (demo data)", "تنسيق سنجار على أساس المنطقة (بيانات تجريبية)",
						"ABC", "ACTIVE", List.of("IQG15Q07", "IQG09Q02"),
						List.of(new Areas.RoleEntered("GOVERNMENT_CO_CHAIR", "GRC", null),
								new Areas.RoleEntered("INTERNATIONAL_CO_CHAIR", un, null),
								new Areas.RoleEntered("SECRETARIAT", ngo, "temporary cover (demo data)"),
								new Areas.RoleEntered("MEMBER", "BRHA", null)),
						List.of("returnee", "idp_out_of_camp"), List.of(coordinatorName)));
		Plan plan = this.plans.create(coordinator, area.code(), "Sinjar Plan of Action (demo data)",
				"خطة عمل سنجار (بيانات تجريبية)");
		plan = this.plans.moveTo(coordinator, plan.id(), plan.version(), 2, null);
		plan = this.plans.recordInput(coordinator, plan.id(), plan.version(), "GRC", null,
				"Demo data: the governorate agreed to start the plan and named a focal point.");
		plan = this.plans.moveTo(coordinator, plan.id(), plan.version(), 6, null);
		plan = this.plans.writeSection(coordinator, plan.id(), plan.version(), PlanSection.PURPOSE, "en",
				"*Demo data.* Safe, voluntary and dignified **return** to Sinjar, and local integration in Duhok "
						+ "for those who choose it:\n\n- civil documentation\n- housing\n- health services");
		plan = this.plans.writeSection(coordinator, plan.id(), plan.version(), PlanSection.PURPOSE, "ar",
				"*بيانات تجريبية.* عودة **آمنة وطوعية وكريمة** إلى سنجار، واندماج محلي في دهوك لمن يختاره:\n\n"
						+ "- الوثائق المدنية\n- السكن\n- الخدمات الصحية");
		plan = this.plans.writeSection(coordinator, plan.id(), plan.version(), PlanSection.PRIORITY_TARGET_GROUPS, "en",
				"*Demo data.* Returnees to Sinjar centre and Al-Qairawan; IDPs out of camp in Duhok.");
		String thisYear = Integer.toString(year);
		this.activities.add(coordinator, plan.id(), null,
				new Activities.Entered("SO2", "Legal help for civil documentation (demo data)",
						"مساعدة قانونية للوثائق المدنية (بيانات تجريبية)", List.of("SO2-TS-01"),
						List.of("IQG15Q07N03", "IQG15Q07N01"),
						List.of(new Activities.TargetEntered("SO2-TS-01", thisYear, "400")), ngo, List.of(un), false,
						year + "-01-01", year + "-12-31", "ON_TRACK"));
		this.activities.add(coordinator, plan.id(), null,
				new Activities.Entered("SO2", "Housing rehabilitation (demo data)",
						"إعادة تأهيل المساكن (بيانات تجريبية)", List.of("SO2-HC-01"), List.of("IQG15Q07N03"),
						List.of(new Activities.TargetEntered("SO2-HC-01", thisYear, "90"),
								new Activities.TargetEntered("SO2-HC-01", year + "Q3", "20")),
						un, List.of(ngo), false, year + "-01-01", year + "-12-31", "DELAYED"));
		this.activities.add(coordinator, plan.id(), null,
				new Activities.Entered("SO4", "Primary health care (demo data)",
						"الرعاية الصحية الأولية (بيانات تجريبية)", List.of("SO4-HLT-01"), List.of(),
						List.of(new Activities.TargetEntered("SO4-HLT-01", thisYear, "600")), "BRHA", List.of(ngo, un),
						true, null, null, "ON_TRACK"));
		Review review = this.reviews.open(coordinator, plan.id(), null,
				Map.of("PURPOSE", List.of(un), "PRIORITY_TARGET_GROUPS", List.of(un, ngo)));
		this.reviews.comment(unReporter, review.id(), "PURPOSE",
				"Demo data: name the livelihoods the plan supports, not only services.");
	}

}
