package org.craftline.auth;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.craftline.access.Role;

/** Every field optional: by default a WORKER token that does not expire. */
public record CreateTokenRequest(Role role, Instant expiresAt, @Size(max = 100) String label) {

    static final CreateTokenRequest DEFAULT = new CreateTokenRequest(null, null, null);

    Role roleOrDefault() {
        return role == null ? Role.WORKER : role;
    }
}
