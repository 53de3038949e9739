package org.craftline.task;

import java.util.List;

/** What {@code POST /api/tasks/batch} answers: how many tasks it created, and each as stored, in the order sent. */
public record TaskBatch(int created, List<Task> items) {

    static TaskBatch of(List<Task> items) {
        return new TaskBatch(items.size(), items);
    }
}
