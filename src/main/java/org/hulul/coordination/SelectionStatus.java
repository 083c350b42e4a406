package org.hulul.coordination;

/**
 * Where a selection stands: the call is open for expressions of interest until its
 * deadline; the member organisations vote; the votes are counted; the DSTF endorses the
 * result (which changes the membership) or declines it.
 */
public enum SelectionStatus {

	CALL, VOTING, TALLIED, ENDORSED, DECLINED;

	public boolean finished() {
		return this == ENDORSED || this == DECLINED;
	}

	public String key() {
		return "selection.status." + name();
	}

}
