package org.craftline.idempotency;

import java.time.Instant;

/** A key's row: the request it was first used with (as a fingerprint), and the answer that got. */
public record StoredKey(String fingerprint, int status, String location, String etag, String body, Instant expiresAt) {

    StoredAnswer answer() {
        return new StoredAnswer(status, location, etag, body);
    }
}
