package org.craftline.common;

/** How optional free text (notes, tools, labels) is stored: trimmed, and null rather than blank. */
public final class Text {

    private Text() {
    }

    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
