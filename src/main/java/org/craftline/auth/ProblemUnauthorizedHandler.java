package org.craftline.auth;

import io.dropwizard.auth.UnauthorizedHandler;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.craftline.problem.ApiException;

/** A 401 as a problem body, with the challenge RFC 6750 asks for. */
final class ProblemUnauthorizedHandler implements UnauthorizedHandler {

    @Override
    public Response buildResponse(String prefix, String realm) {
        ApiException problem = ApiException.unauthorized("Send a valid, unexpired and unrevoked token as "
                + "'Authorization: Bearer <token>'");
        return Response.fromResponse(problem.response())
                .header(HttpHeaders.WWW_AUTHENTICATE, prefix + " realm=\"" + realm + "\"")
                .build();
    }
}
