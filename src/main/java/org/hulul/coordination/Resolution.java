package org.hulul.coordination;

/** How a review comment was taken into the document. */
public enum Resolution {

	ACCEPTED, PARTLY, NOT_ACCEPTED;

	public String key() {
		return "document.resolution." + name();
	}

}
