package org.craftline.common;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Map;

/**
 * Errors Jersey raises itself (unknown path, wrong method, unsupported media type), re-sent as
 * problem bodies with their original headers, such as {@code Allow} on a 405.
 */
final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Map<Integer, String> DETAILS = Map.of(
            403, "This token's role may not use this route",
            404, "There is nothing at this path",
            405, "This path does not accept that method",
            406, "This resource cannot answer in the media type the Accept header asks for",
            415, "Send the request body as Content-Type: application/json");

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original.getEntity() instanceof Problem) {
            return original;
        }
        int status = original.getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : original.getStatusInfo().getReasonPhrase();
        String detail = DETAILS.getOrDefault(status, title);
        Problem problem = new Problem(ProblemMappers.typeUri(slug(title)), title, status, detail, List.of());
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
