package org.hulul.coordination;

/**
 * What a selection fills: seats of a body's membership, its co-lead (the DSTWG's NGO
 * co-lead, chosen every two years), or a co-chair (a subgroup's, when one steps down).
 */
public enum SelectionKind {

	SEATS(null), CO_LEAD(LeadRole.LEAD), CO_CHAIR(LeadRole.CO_CHAIR);

	private final LeadRole lead;

	SelectionKind(LeadRole lead) {
		this.lead = lead;
	}

	/** The place at the head of the body the selection fills; none for seats. */
	public LeadRole lead() {
		return this.lead;
	}

	public String key() {
		return "selection.kind." + name();
	}

}
