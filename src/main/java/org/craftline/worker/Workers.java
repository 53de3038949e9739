package org.craftline.worker;

import java.util.Optional;
import org.craftline.common.ApiException;
import org.craftline.common.Caller;
import org.craftline.common.Text;

/**
 * Which worker a request is about, resolved once for every feature: the worker a body acts for,
 * the worker a path names, the worker a listing shows. Each answer applies the caller's access
 * rule ({@link Caller#mayAccess}); imports and exports resolve their owner here too.
 */
public final class Workers {

    private final WorkerDao workers;

    public Workers(WorkerDao workers) {
        this.workers = workers;
    }

    /**
     * The worker a request body acts for. A worker token acts for its own worker: it may leave
     * {@code worker} out, and naming someone else is refused (403). An admin must name the worker,
     * and an unknown handle is a bad body (422), not a missing resource.
     */
    public Worker owner(Caller caller, String requestedHandle) {
        if (caller.isWorker() && requestedHandle != null && !requestedHandle.equals(caller.handle())) {
            throw ApiException.forbidden("A worker token acts only for its own worker ('" + caller.handle() + "')");
        }
        String handle = caller.isWorker() ? caller.handle() : requestedHandle;
        if (handle == null) {
            throw ApiException.unprocessable("worker", "is required: the handle of the worker this belongs to");
        }
        return workers.findByHandle(handle).orElseThrow(() ->
                ApiException.unprocessable("worker", "is not a known worker handle: '" + handle + "'"));
    }

    /**
     * The worker with this handle, if the caller may see them: an admin sees anyone, a worker only
     * themselves. Anyone else gets exactly the answer an unknown handle gets, so a worker token
     * cannot even learn which handles exist.
     */
    public Worker visibleTo(Caller caller, String handle) {
        return workers.findByHandle(handle)
                .filter(worker -> caller.mayAccess(worker.id()))
                .orElseThrow(() -> notFound(handle));
    }

    /**
     * Whose rows a listing shows: a worker token only its own, whatever {@code worker=} says; an
     * admin the named worker's (404 for an unknown handle), or everyone's (empty) when none is named.
     */
    public Optional<Long> listed(Caller caller, String requestedHandle) {
        if (caller.isWorker()) {
            return Optional.of(caller.workerId());
        }
        String handle = Text.blankToNull(requestedHandle);
        return handle == null ? Optional.empty() : Optional.of(visibleTo(caller, handle).id());
    }

    private static ApiException notFound(String handle) {
        return ApiException.notFound("No worker with handle '" + handle + "'");
    }
}
