/**
 * Results framework: the strategic objective, specific objectives, sub-criteria and
 * indicators partners report against, with their units, guidance, aggregation rules and
 * disaggregations; versioned, loaded from a documented file (framework.schema.json).
 */
@NullMarked
package org.hulul.framework;

import org.jspecify.annotations.NullMarked;
