package org.craftline.task;

import org.craftline.worker.Owner;

/** A task to create: the request, and the worker it is for as {@code Workers} resolved it. */
public record NewTask(Owner owner, TaskRequest request) {
}
