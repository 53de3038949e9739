package org.craftline.task;

import java.util.List;

/** One page of tasks; {@code nextCursor} is null on the last page. */
public record TaskPage(List<Task> items, String nextCursor) {
}
