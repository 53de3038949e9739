package org.craftline.common;

import io.dropwizard.jersey.setup.JerseyEnvironment;
import jakarta.ws.rs.core.Response;

/**
 * Registers every exception mapper once, so each error the API can give is a problem body of one
 * {@link ProblemType}. The integration tests start the real application, so they see exactly
 * these mappers.
 */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    public static void register(JerseyEnvironment jersey) {
        jersey.register(new ApiExceptionMapper());
        jersey.register(new JsonExceptionMapper());
        jersey.register(new ViolationExceptionMapper());
        jersey.register(new WebApplicationExceptionMapper());
        jersey.register(new UnexpectedExceptionMapper());
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
