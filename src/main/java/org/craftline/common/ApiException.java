package org.craftline.common;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.craftline.common.Problem.FieldError;

/**
 * A failure the client can act on. Resources and services throw it; {@link ProblemMappers} turns it
 * into a problem body, so no code builds error responses by hand.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String slug;
    private final String title;
    private final transient List<FieldError> errors;

    private ApiException(int status, String slug, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "bad-request", "Bad request", detail, List.of());
    }

    /** A bad query or path parameter, named so the client sees which one. */
    public static ApiException badParameter(String parameter, String message) {
        return new ApiException(400, "invalid-parameter", "Invalid parameter",
                parameter + " " + message, List.of(new FieldError(parameter, message)));
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", "Unauthorized", detail, List.of());
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Forbidden", detail, List.of());
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not-found", "Not found", detail, List.of());
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", "Conflict", detail, List.of());
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(412, "stale", "Precondition failed", detail, List.of());
    }

    public static ApiException payloadTooLarge(String detail) {
        return new ApiException(413, "too-large", "Payload too large", detail, List.of());
    }

    /** A well-formed body that breaks a rule; {@code field} names the part at fault. */
    public static ApiException unprocessable(String field, String message) {
        return new ApiException(422, "invalid", "Unprocessable content",
                field + " " + message, List.of(new FieldError(field, message)));
    }

    public static ApiException preconditionRequired(String detail) {
        return new ApiException(428, "precondition-required", "Precondition required", detail, List.of());
    }

    public static ApiException unavailable(String detail) {
        return new ApiException(503, "unavailable", "Service unavailable", detail, List.of());
    }

    public Problem problem() {
        return new Problem(ProblemMappers.typeUri(slug), title, status, getMessage(), errors);
    }

    /** The problem as a response, for code that must hand Jersey a response rather than throw. */
    public Response response() {
        return ProblemMappers.respond(problem());
    }

    public int status() {
        return status;
    }
}
