package org.craftline.worker;

import org.craftline.common.ApiException;
import org.craftline.common.Caller;

/** Worker lookups that respect who is asking. */
public final class Workers {

    private Workers() {
    }

    /**
     * The worker with this handle, if the caller may see them: an admin sees anyone, a worker only
     * themselves. Anyone else gets exactly the answer an unknown handle gets, so a worker token
     * cannot even learn which handles exist.
     */
    public static Worker visibleTo(Caller caller, WorkerDao workers, String handle) {
        return workers.findByHandle(handle)
                .filter(worker -> caller.ownWorker().map(own -> own == worker.id()).orElse(true))
                .orElseThrow(() -> notFound(handle));
    }

    public static ApiException notFound(String handle) {
        return ApiException.notFound("No worker with handle '" + handle + "'");
    }
}
