package org.hulul.areas;

/** Published, inside its transaction, when an area is added or changed. */
public record AreaSaved(String code) {
}
