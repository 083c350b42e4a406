package org.hulul.coordination;

/** What a document of the coordination library is. */
public enum DocumentKind {

	FRAMEWORK, TERMS_OF_REFERENCE, GUIDELINE, PLAN, OTHER;

	public String key() {
		return "document.kind." + name();
	}

}
