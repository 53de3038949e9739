package org.craftline.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;

/** A dated marker in a worker's history, such as "adopted Midjourney v5", for before/after comparisons. */
public record Event(long id, @JsonIgnore long workerId, String worker, LocalDate date, String label, String tool,
                    Instant createdAt) {
}
