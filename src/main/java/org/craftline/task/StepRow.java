package org.craftline.task;

import org.jdbi.v3.core.mapper.Nested;

/** A step read back together with the task it belongs to, to group a page of tasks' steps. */
public record StepRow(long taskId, @Nested Step step) {
}
