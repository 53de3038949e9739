package org.craftline.common;

/**
 * The one rule for text that comes from outside: only characters XML 1.0 allows (no C0 control
 * characters but tab, line feed and carriage return; no U+FFFE or U+FFFF; no lone surrogates),
 * so that every output, SVG, CSV and JSON, stays well-formed whatever a worker typed.
 */
public final class TextRules {

    public static final String RULE = "must hold only characters allowed in text (no control characters "
            + "other than tab and line breaks, no U+FFFE or U+FFFF, no lone surrogates)";

    private TextRules() {
    }

    /** The index of the first character the rule refuses, or -1 when the text is fine. */
    public static int firstRefused(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
            if (control || Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                return i;
            }
        }
        return -1;
    }

    public static boolean isAllowed(String text) {
        return text == null || firstRefused(text) < 0;
    }
}
