package org.craftline.common;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.craftline.common.Problem.FieldError;

/**
 * A failure the client can act on. Resources and services throw it; {@link ProblemMappers} turns it
 * into a problem body of its {@link ProblemType}, so no code builds error responses by hand.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemType type;
    private final transient List<FieldError> errors;

    private ApiException(ProblemType type, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    private ApiException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    /** A failure about one named input: the detail names it, and so does the one entry of {@code errors}. */
    private static ApiException about(ProblemType type, String field, String message) {
        return new ApiException(type, field + " " + message, List.of(new FieldError(field, message)));
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(ProblemType.BAD_REQUEST, detail);
    }

    /** A bad query or path parameter, named so the client sees which one. */
    public static ApiException badParameter(String parameter, String message) {
        return about(ProblemType.INVALID_PARAMETER, parameter, message);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(ProblemType.UNAUTHORIZED, detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ProblemType.FORBIDDEN, detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(ProblemType.NOT_FOUND, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ProblemType.CONFLICT, detail);
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(ProblemType.STALE, detail);
    }

    public static ApiException payloadTooLarge(String detail) {
        return new ApiException(ProblemType.TOO_LARGE, detail);
    }

    /** A well-formed body that breaks a rule; {@code field} names the part at fault. */
    public static ApiException unprocessable(String field, String message) {
        return about(ProblemType.INVALID, field, message);
    }

    public static ApiException preconditionRequired(String detail) {
        return new ApiException(ProblemType.PRECONDITION_REQUIRED, detail);
    }

    public static ApiException unavailable(String detail) {
        return new ApiException(ProblemType.UNAVAILABLE, detail);
    }

    public Problem problem() {
        return type.problem(getMessage(), errors);
    }

    /** The problem as a response, for code that must hand Jersey a response rather than throw. */
    public Response response() {
        return ProblemMappers.respond(problem());
    }

    public int status() {
        return type.status();
    }
}
