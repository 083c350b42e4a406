package org.hulul.areas;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A version kept of a plan: its number, why it was kept (a review opened, the plan
 * endorsed, an editor kept it), when and by whom, and the plan as it stood.
 */
public record PlanVersion(long id, long plan, int number, Reason reason, @Nullable String note, Instant takenAt,
		String takenBy, Content content) {

	public enum Reason {

		REVIEW, ENDORSED, KEPT;

		public String key() {
			return "version.reason." + name();
		}

	}

	/**
	 * The plan as it stood: title, step, sections (section → language → text) and one
	 * line per activity.
	 */
	public record Content(String title, @Nullable String titleAr, int step, Map<String, Map<String, String>> sections,
			List<String> activities) {
	}

}
