package org.craftline.auth;

import java.time.Instant;
import org.craftline.access.Role;

/** A token as listings show it: never the secret, only its first characters. */
public record TokenView(long id, String prefix, Role role, String label, Instant createdAt, Instant expiresAt,
                        Instant revokedAt) {
}
