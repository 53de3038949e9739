package org.craftline.common;

import java.security.Principal;
import java.util.Optional;

/**
 * Who is calling: the token used, its role, and the worker it belongs to (none for the bootstrap
 * admin token). Resources receive it with {@code @Auth}.
 */
public record Caller(long tokenId, Long workerId, String handle, Role role) implements Principal {

    @Override
    public String getName() {
        return handle != null ? handle : "token-" + tokenId;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /**
     * The one worker whose rows this caller may touch, for a WORKER token; empty for an admin, who
     * may touch any. Callers of other roles never reach per-worker data (their routes deny them).
     */
    public Optional<Long> ownWorker() {
        return role == Role.WORKER ? Optional.of(workerId) : Optional.empty();
    }

    /**
     * The worker a request acts for: a WORKER acts for themselves (naming someone else is refused),
     * an admin for whoever the request names.
     */
    public String actingFor(String requestedHandle) {
        if (role != Role.WORKER) {
            return requestedHandle;
        }
        if (requestedHandle != null && !requestedHandle.equals(handle)) {
            throw ApiException.forbidden("A worker token acts only for its own worker ('" + handle + "')");
        }
        return handle;
    }
}
