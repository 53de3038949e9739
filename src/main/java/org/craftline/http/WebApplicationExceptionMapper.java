package org.craftline.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.craftline.problem.Problem;
import org.craftline.problem.ProblemType;

/**
 * Errors Jersey raises itself (unknown path, wrong method, unsupported media type), re-sent as
 * problem bodies of the type for their status, with their original headers, such as
 * {@code Allow} on a 405.
 */
final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    /** What Jersey means by each status it raises; a status not listed is explained by its title. */
    private static final Map<ProblemType, String> DETAILS = Map.of(
            ProblemType.FORBIDDEN, "This token's role may not use this route",
            ProblemType.NOT_FOUND, "There is nothing at this path",
            ProblemType.METHOD_NOT_ALLOWED, "This path does not accept that method",
            ProblemType.NOT_ACCEPTABLE, "This resource cannot answer in the media type the Accept header asks for",
            ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the request body as Content-Type: application/json");

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original.getEntity() instanceof Problem) {
            return original;
        }
        int status = original.getStatus();
        ProblemType type = ProblemType.forStatus(status);
        // The status stays Jersey's even where the table has no type of its own for it.
        Problem problem = type.problem(DETAILS.getOrDefault(type, type.title())).withStatus(status);
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }
}
