package org.craftline.auth;

import io.dropwizard.auth.Authenticator;
import java.time.Clock;
import java.util.Optional;
import org.craftline.access.Caller;

/**
 * Looks every request's token up in the database, by its hash. There is deliberately no cache:
 * the lookup is one unique-index probe, and without a cache a revoked or expired token stops
 * working on the very next request, on every instance.
 */
final class TokenAuthenticator implements Authenticator<String, Caller> {

    /** Longer than any token we issue or accept; a guard against hashing megabytes of header. */
    private static final int MAX_TOKEN_LENGTH = 256;

    private final TokenDao tokens;
    private final Clock clock;

    TokenAuthenticator(TokenDao tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public Optional<Caller> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return tokens.findCaller(Tokens.hash(token.trim()), clock.instant());
    }
}
