package org.craftline.imports.capture;

/**
 * A stretch of captured time, in epoch milliseconds: what it was, as a number its source's
 * {@link Kinds} explains, and the line changes made in it (WakaTime's; 0 for sources without them).
 */
public record Span(long start, long end, int what, int aiLines, int humanLines) {

    public Span(long start, long end, int what) {
        this(start, end, what, 0, 0);
    }

    long millis() {
        return end - start;
    }
}
