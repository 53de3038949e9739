package org.craftline.common;

/** Optional text as the service stores it: trimmed, and absent rather than blank. */
public final class Text {

    private Text() {
    }

    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
