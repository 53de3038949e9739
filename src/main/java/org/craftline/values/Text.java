package org.craftline.values;

/** How optional free text (notes, tools, labels) is stored: trimmed, and null rather than blank. */
public final class Text {

    private Text() {
    }

    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /**
     * The text without the characters {@link TextRules} refuses, for output that must parse as XML
     * whatever was stored (text stored before the rule was enforced, or by hand).
     */
    public static String xmlSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().filter(TextRules::allowed).forEach(safe::appendCodePoint);
        return safe.toString();
    }
}
