/**
 * Geography: the OCHA COD-AB administrative tree of Iraq (governorates, districts,
 * sub-districts) with p-codes, names and boundaries.
 */
@NullMarked
package org.hulul.geo;

import org.jspecify.annotations.NullMarked;
