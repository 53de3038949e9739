package org.craftline.common;

/** How optional free text (notes, tools, labels) is stored: trimmed, and null rather than blank. */
public final class Text {

    private Text() {
    }

    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /**
     * The text without the characters XML 1.0 cannot hold (C0 controls other than tab, newline and
     * carriage return, U+FFFE, U+FFFF and unpaired surrogates), for output that must parse as XML
     * whatever was stored.
     */
    public static String xmlSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (allowed) {
                safe.appendCodePoint(c);
            }
        }
        return safe.toString();
    }
}
