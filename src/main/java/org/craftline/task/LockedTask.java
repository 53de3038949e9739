package org.craftline.task;

import java.time.LocalDate;

/** The parts of a task row a write needs, read under a row lock. */
public record LockedTask(long id, long workerId, LocalDate workDate, int version) {
}
