package org.craftline.imports.capture;

import java.util.List;

/** An export read and cut into days: how many records it held, and the days of each origin. */
public record Capture(int records, List<Origin> origins) {
}
