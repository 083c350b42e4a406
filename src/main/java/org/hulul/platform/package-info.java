/**
 * Platform: security, users, audit, settings, i18n, layout and errors. Other modules use
 * the types of this package only; its sub-packages are internal.
 */
@NullMarked
package org.hulul.platform;

import org.jspecify.annotations.NullMarked;
