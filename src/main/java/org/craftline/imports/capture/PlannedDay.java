package org.craftline.imports.capture;

import java.util.List;

/**
 * A captured day and what the import does with it; {@code replacing}: the tasks an earlier import
 * made of it, which {@link DayStatus#REPLACE} deletes.
 */
record PlannedDay(CapturedDays.Day day, String origin, DayStatus status, String reason, List<Long> replacing) {

    PlannedDay refused(String why) {
        return new PlannedDay(day, origin, DayStatus.REFUSED, why, List.of());
    }

    boolean writes() {
        return status == DayStatus.IMPORT || status == DayStatus.REPLACE;
    }

    /** How a person names the day: its date, and its host where there is one. */
    String name() {
        return origin.isEmpty() ? day.date().toString() : day.date() + " (" + origin + ")";
    }
}
