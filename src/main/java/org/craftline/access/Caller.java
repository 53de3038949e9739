package org.craftline.access;

import java.security.Principal;
import java.util.Objects;

/**
 * Who is calling: the token used, its role, and the worker it belongs to (none for the bootstrap
 * admin token). Resources receive it with {@code @Auth}.
 */
public record Caller(long tokenId, Long workerId, String handle, Role role) implements Principal {

    @Override
    public String getName() {
        return handle != null ? handle : "token-" + tokenId;
    }

    /**
     * The person behind the call, whichever of their tokens they use: the worker a token belongs
     * to, or the token itself when it belongs to none (the bootstrap admin token). Rate limits and
     * idempotency keys are per person, so minting tokens buys no more of either.
     */
    public String person() {
        return workerId != null ? "worker:" + workerId : "token:" + tokenId;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isWorker() {
        return role == Role.WORKER;
    }

    /**
     * The access rule for per-worker rows: may this caller touch rows that belong to
     * {@code ownerId}? An admin may touch anyone's; a worker only their own. {@code ownerId} is
     * null for rows of no worker (the bootstrap admin token), which only admins may touch.
     * Analysts never may: their routes reach aggregates only.
     */
    public boolean mayAccess(Long ownerId) {
        return isAdmin() || (isWorker() && Objects.equals(workerId, ownerId));
    }
}
