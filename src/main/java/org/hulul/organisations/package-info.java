/**
 * Organisations: the partners, agencies, government bodies and donors that report and
 * coordinate.
 */
@NullMarked
package org.hulul.organisations;

import org.jspecify.annotations.NullMarked;
