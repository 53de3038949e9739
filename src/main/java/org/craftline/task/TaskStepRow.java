package org.craftline.task;

import java.time.Instant;
import java.time.LocalDate;

/** A task joined with one of its steps: the export reads a worker's tasks as a stream of these. */
public record TaskStepRow(
        long id,
        long workerId,
        String worker,
        LocalDate workDate,
        String title,
        String notes,
        int version,
        Instant createdAt,
        Instant updatedAt,
        String activity,
        int minutes,
        Mode mode,
        String tool,
        Discretion discretion,
        Mediation mediation,
        String note) {

    TaskRow task() {
        return new TaskRow(id, workerId, worker, workDate, title, notes, version, createdAt, updatedAt);
    }

    Step step() {
        return new Step(activity, minutes, mode, tool, discretion, mediation, note);
    }
}
