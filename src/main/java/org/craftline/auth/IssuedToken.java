package org.craftline.auth;

import java.time.Instant;
import org.craftline.access.Role;

/** A token just made: the only time its secret {@code token} is ever shown. */
public record IssuedToken(long id, String token, String worker, Role role, String prefix, String label,
                          Instant expiresAt) {
}
