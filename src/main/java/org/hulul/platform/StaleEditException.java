package org.hulul.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Someone else changed a record since it was read: the save is refused rather than
 * overwriting their change (optimistic locking on the record's version).
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class StaleEditException extends RuntimeException {

	private final String entityType;

	private final String entityId;

	public StaleEditException(String entityType, String entityId) {
		super(entityType + " " + entityId + " was changed by someone else since you opened it");
		this.entityType = entityType;
		this.entityId = entityId;
	}

	public String entityType() {
		return this.entityType;
	}

	public String entityId() {
		return this.entityId;
	}

}
