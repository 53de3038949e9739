package org.craftline.event;

import java.time.Instant;
import java.time.LocalDate;

/** A dated marker in a worker's history, such as "adopted Midjourney v5", for before/after comparisons. */
public record Event(long id, String worker, LocalDate date, String label, String tool, Instant createdAt) {
}
