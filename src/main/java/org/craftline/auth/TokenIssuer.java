package org.craftline.auth;

import java.time.Clock;
import java.time.Instant;
import org.craftline.access.Role;
import org.craftline.db.Transactions;
import org.craftline.problem.ApiException;
import org.craftline.values.Text;
import org.craftline.worker.Worker;
import org.craftline.worker.WorkerDao;
import org.jdbi.v3.core.Jdbi;

/**
 * Every change to tokens: makes them (a fresh secret, its hash stored, the secret handed back once),
 * revokes them, and adopts the operator's own admin token.
 */
public final class TokenIssuer {

    /**
     * Active (neither revoked nor expired) tokens one worker may hold: enough for every device and
     * script a person runs, and a bound on what minting tokens can buy a hostile client.
     */
    public static final int MAX_ACTIVE_PER_WORKER = 20;

    private final Jdbi jdbi;
    private final Clock clock;

    public TokenIssuer(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** @param owner null only for an admin token that belongs to no worker */
    public IssuedToken issue(Worker owner, Role role, Instant expiresAt, String label) {
        Instant now = now();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw ApiException.unprocessable("expiresAt", "must be in the future");
        }
        String token = Tokens.generate();
        String cleanLabel = Text.blankToNull(label);
        long id = Transactions.write(jdbi, handle -> {
            TokenDao tokens = handle.attach(TokenDao.class);
            if (owner != null) {
                // The worker's row is the lock: two requests at once cannot both take the last place.
                handle.attach(WorkerDao.class).lockWorker(owner.id());
                if (tokens.countActive(owner.id(), now) >= MAX_ACTIVE_PER_WORKER) {
                    throw ApiException.limitReached(owner.handle() + " already has " + MAX_ACTIVE_PER_WORKER
                            + " active tokens, as many as one worker may; revoke one they no longer use "
                            + "(DELETE /api/tokens/{id}) first");
                }
            }
            return tokens.insert(owner == null ? null : owner.id(), role, Tokens.hash(token),
                    Tokens.displayPrefix(token), cleanLabel, now, expiresAt);
        });
        return new IssuedToken(id, token, owner == null ? null : owner.handle(), role, Tokens.displayPrefix(token),
                cleanLabel, expiresAt);
    }

    /** Revokes a token: it stops working on the next request. The row stays, for the record. */
    public void revoke(long id) {
        Transactions.write(jdbi, TokenDao.class, tokens -> tokens.revoke(id, now()));
    }

    /** Makes the operator's own secret (its hash) a usable admin token, the row it had or a new one. */
    void adoptAsAdmin(String hash) {
        Transactions.write(jdbi, TokenDao.class, tokens -> {
            var existing = tokens.findIdByHash(hash);
            if (existing.isPresent()) {
                tokens.restoreAsAdmin(existing.get());
            } else {
                // The prefix of an operator's own secret is not shown in listings: it is theirs, not ours.
                tokens.insert(null, Role.ADMIN, hash, "(env)", "CRAFTLINE_ADMIN_TOKEN", now(), null);
            }
            return null;
        });
    }

    Instant now() {
        return clock.instant();
    }
}
