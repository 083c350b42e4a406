/**
 * Data exchange: the XLSX template and imports of XLSX and CSV into a report, exports of
 * reports, and the sector's formats (HXL, DHIS2 data value sets, ADX). Imports go through
 * the reporting module's rules: all or nothing, every problem with its place in the file.
 */
@NullMarked
package org.hulul.exchange;

import org.jspecify.annotations.NullMarked;
