package org.craftline.auth;

import java.time.Clock;
import java.time.Instant;
import org.craftline.access.Role;
import org.craftline.problem.ApiException;
import org.craftline.values.Text;
import org.craftline.worker.Worker;

/** Makes tokens: a fresh secret, its hash stored, the secret handed back once. */
public final class TokenIssuer {

    private final TokenDao tokens;
    private final Clock clock;

    public TokenIssuer(TokenDao tokens, Clock clock) {
        this.tokens = tokens;
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
        long id = tokens.insert(owner == null ? null : owner.id(), role, Tokens.hash(token),
                Tokens.displayPrefix(token), cleanLabel, now, expiresAt);
        return new IssuedToken(id, token, owner == null ? null : owner.handle(), role, Tokens.displayPrefix(token),
                cleanLabel, expiresAt);
    }

    Instant now() {
        return clock.instant();
    }
}
