/**
 * Coordination: the bodies of the durable-solutions architecture (DSTF, DSTWG, RWG, their
 * subgroups and task groups) with their leads and reporting lines, the seats of their
 * membership and the composition rules of the terms of reference, their numbered meetings
 * with agenda, attendance, minutes and decisions, and the action points that carry over
 * from meeting to meeting until closed.
 */
@NullMarked
package org.hulul.coordination;

import org.jspecify.annotations.NullMarked;
