package org.craftline.imports;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.craftline.step.Step;

/**
 * A row that becomes a step: of the task of its {@code date} and {@code project}, in the order of
 * its start time (rows without one last, in file order).
 */
record ImportedRow(int row, LocalDate date, LocalTime start, String project, Step step, UUID fingerprint) {
}
