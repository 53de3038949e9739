package org.craftline.task;

import org.jdbi.v3.core.mapper.Nested;

/** A task joined with one of its steps: the export reads a worker's tasks as a stream of these. */
public record TaskStepRow(@Nested TaskRow task, @Nested Step step) {
}
