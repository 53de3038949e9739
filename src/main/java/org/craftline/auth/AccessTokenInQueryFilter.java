package org.craftline.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import org.craftline.problem.ApiException;

/**
 * Refuses tokens in the query string. Dropwizard's OAuth filter would accept {@code ?access_token=},
 * but URLs end up in access logs, browser histories and proxies; a token belongs in a header.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
final class AccessTokenInQueryFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getQueryParameters().containsKey("access_token")) {
            throw ApiException.badParameter("access_token",
                    "is not accepted: send the token as 'Authorization: Bearer <token>', never in a URL");
        }
    }
}
