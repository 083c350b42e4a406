package org.hulul.coordination;

/** An organisation's place at the head of a body. */
public enum LeadRole {

	LEAD, CO_CHAIR, SECRETARIAT;

	public String key() {
		return "body.lead." + name();
	}

}
