package org.craftline.task;

import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code tasks} joined with its owner's handle. */
public record TaskRow(
        long id,
        long workerId,
        String worker,
        LocalDate workDate,
        String title,
        String notes,
        int version,
        Instant createdAt,
        Instant updatedAt) {
}
