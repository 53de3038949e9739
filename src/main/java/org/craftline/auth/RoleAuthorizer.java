package org.craftline.auth;

import io.dropwizard.auth.Authorizer;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.craftline.access.Caller;

/**
 * A caller has exactly its token's role. Admins are not implicitly in every role: each route lists
 * the roles it admits, ADMIN included where it applies, so a route reads as its own access rule.
 */
final class RoleAuthorizer implements Authorizer<Caller> {

    @Override
    public boolean authorize(Caller caller, String role, ContainerRequestContext request) {
        return caller.role().name().equals(role);
    }
}
