package org.craftline.task;

import org.craftline.worker.Worker;

/** A task to create: the request, and the worker it is for as {@code Workers#owner} resolved it. */
public record NewTask(Worker owner, TaskRequest request) {
}
