/**
 * Quarterly partner reporting: periods, reports and their lines, the rules a report's
 * values obey, and the report's life from draft to approval.
 */
@NullMarked
package org.hulul.reporting;

import org.jspecify.annotations.NullMarked;
