package org.craftline.values;

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
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!allowed(c)) {
                return i;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    /**
     * XML 1.0's {@code Char}: tab, line feed, carriage return, and U+0020 to U+10FFFF but for the
     * surrogates (a lone one arrives here as itself) and U+FFFE, U+FFFF.
     */
    public static boolean allowed(int codePoint) {
        return codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD || (codePoint >= 0x20 && codePoint <= 0xD7FF)
                || (codePoint >= 0xE000 && codePoint <= 0xFFFD) || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
    }

    public static boolean isAllowed(String text) {
        return text == null || firstRefused(text) < 0;
    }
}
