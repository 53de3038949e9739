package org.craftline.common;

import io.dropwizard.jersey.setup.JerseyEnvironment;
import jakarta.ws.rs.core.Response;

/**
 * Registers every exception mapper once, for the application and for resource tests alike, so each
 * error the API can give is a problem body built in one place.
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

    /** A stable identifier for each kind of problem; a URN because we promise no documentation URL. */
    static String typeUri(String slug) {
        return "urn:craftline:problem:" + slug;
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
