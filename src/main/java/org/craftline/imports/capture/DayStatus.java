package org.craftline.imports.capture;

/** What an import does, or would do, with one captured day. */
public enum DayStatus {
    /** New: its steps become a task (or, past 100 steps, several). */
    IMPORT,
    /** Imported before, and {@code replaceDays=true}: the earlier import's tasks are replaced. */
    REPLACE,
    /** Imported before: left alone (send {@code replaceDays=true} to replace it). */
    ALREADY_IMPORTED,
    /** It would take the day past 1,440 minutes: see the reason. */
    REFUSED,
    /** No time of it became a step: all unclassified, ignored or in short runs. */
    NO_STEPS
}
