/**
 * Areas: the Joint Coordination Forums of the governorates and the Area-Based
 * Coordination groups, each a set of p-coded locations with its group (co-chairs,
 * members, focal points, secretariat, by role and organisation), its priority population
 * groups and its coordinators.
 */
@NullMarked
package org.hulul.areas;

import org.jspecify.annotations.NullMarked;
