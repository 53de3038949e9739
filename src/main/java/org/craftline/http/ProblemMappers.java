package org.craftline.http;

import io.dropwizard.jersey.setup.JerseyEnvironment;
import jakarta.ws.rs.core.Response;
import org.craftline.problem.Problem;
import org.craftline.problem.ProblemType;

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

}
