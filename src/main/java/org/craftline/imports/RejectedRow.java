package org.craftline.imports;

/** A row that cannot become a step, and why, in words a person can act on. */
public record RejectedRow(int row, String reason) {
}
