/**
 * The demo dataset loaded by {@code ./hulul start --demo}: every record it creates is
 * flagged as demo and shown as such.
 */
@NullMarked
package org.hulul.demo;

import org.jspecify.annotations.NullMarked;
