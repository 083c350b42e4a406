/**
 * Analytics: the approved (and, for reviewers, submitted) values of every report held in
 * columns in memory, kept fresh as reports change, and aggregated by each indicator's
 * rule into pivots by any dimension. No nightly rebuild: a report approved is in the next
 * query.
 */
@NullMarked
package org.hulul.analytics;

import org.jspecify.annotations.NullMarked;
