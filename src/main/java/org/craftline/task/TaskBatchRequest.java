package org.craftline.task;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /api/tasks/batch}: {@code {"tasks": [...]}}, or the array of tasks alone.
 * Each task is what {@code POST /api/tasks} takes; errors name the item as {@code tasks[i]}.
 */
public record TaskBatchRequest(
        @NotNull @Size(min = 1, max = TaskBatchRequest.MAX_TASKS) List<@NotNull @Valid TaskRequest> tasks) {

    public static final int MAX_TASKS = 1000;

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public TaskBatchRequest(@JsonProperty("tasks") List<TaskRequest> tasks) {
        this.tasks = tasks;
    }

    /** The bare array: a client with tasks in a list need not wrap them. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static TaskBatchRequest of(List<TaskRequest> tasks) {
        return new TaskBatchRequest(tasks);
    }
}
