package org.hulul.platform;

/**
 * The kinds of change the audit log records.
 */
public enum AuditAction {

	CREATE, UPDATE, DELETE, IMPORT, SECURITY;

}
