package org.craftline.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.craftline.problem.Problem.FieldError;

/**
 * A failure the client can act on. Resources and services throw it; {@link ProblemMappers} turns it
 * into a problem body of its {@link ProblemType}, so no code builds error responses by hand.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemType type;
    private final transient List<FieldError> errors;
    /** Seconds after which trying again may work, sent as {@code Retry-After}; null when it would not help. */
    private final Integer retryAfterSeconds;

    private ApiException(ProblemType type, String detail, List<FieldError> errors, Integer retryAfterSeconds) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    private ApiException(ProblemType type, String detail, List<FieldError> errors) {
        this(type, detail, errors, null);
    }

    private ApiException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    /** A failure about one named input: the detail names it, and so does the one entry of {@code errors}. */
    private static ApiException about(ProblemType type, String field, String message) {
        return new ApiException(type, field + " " + message, List.of(new FieldError(field, message)));
    }

    /**
     * A body that is not valid JSON (broken syntax, a key twice), naming where when the parser knows:
     * {@code field} is a JSON path such as {@code steps[0].minutes}, or null.
     */
    public static ApiException malformedJson(String field, String message) {
        return field == null
                ? new ApiException(ProblemType.MALFORMED_JSON, "The request body is not valid JSON: " + message)
                : new ApiException(ProblemType.MALFORMED_JSON, "The request body is not valid JSON at " + field + ": "
                        + message, List.of(new FieldError(field, message)));
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

    /** A write that would duplicate what exists, naming the fields that must be unique (none if unknown). */
    public static ApiException duplicate(List<String> fields) {
        String detail = "This would duplicate something that exists" + (fields.isEmpty() ? "" : ": the same "
                + String.join(", ", fields) + " is already there");
        return new ApiException(ProblemType.CONFLICT, detail,
                fields.stream().map(field -> new FieldError(field, "is already taken")).toList());
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ProblemType.CONFLICT, detail);
    }

    /** A worker holds as many of something as one may; {@code detail} says how many and how to make room. */
    public static ApiException limitReached(String detail) {
        return new ApiException(ProblemType.LIMIT_REACHED, detail);
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(ProblemType.STALE, detail);
    }

    public static ApiException notAcceptable(String detail) {
        return new ApiException(ProblemType.NOT_ACCEPTABLE, detail);
    }

    public static ApiException unsupportedMediaType(String detail) {
        return new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail);
    }

    public static ApiException payloadTooLarge(String detail) {
        return new ApiException(ProblemType.TOO_LARGE, detail);
    }

    /** A well-formed body that breaks a rule; {@code field} names the part at fault. */
    public static ApiException unprocessable(String field, String message) {
        return about(ProblemType.INVALID, field, message);
    }

    /** A well-formed body that breaks rules in several places, each named in {@code errors}. */
    public static ApiException unprocessable(List<FieldError> errors) {
        String detail = errors.stream().map(error -> error.field() + " " + error.message())
                .collect(Collectors.joining("; "));
        return new ApiException(ProblemType.INVALID, detail, errors);
    }

    /** The same, with a detail that sums the errors up (when listing them all would be too long to read). */
    public static ApiException unprocessable(String detail, List<FieldError> errors) {
        return new ApiException(ProblemType.INVALID, detail, errors);
    }

    public static ApiException preconditionRequired(String detail) {
        return new ApiException(ProblemType.PRECONDITION_REQUIRED, detail);
    }

    public static ApiException unavailable(String detail) {
        return new ApiException(ProblemType.UNAVAILABLE, detail);
    }

    /** The service is at a limit it sets itself; the client may try again after {@code retryAfterSeconds}. */
    public static ApiException unavailable(String detail, int retryAfterSeconds) {
        return new ApiException(ProblemType.UNAVAILABLE, detail, List.of(), retryAfterSeconds);
    }

    /** The database's disk is full; writes may work again after {@code retryAfterSeconds}, once space is freed. */
    public static ApiException insufficientStorage(String detail, int retryAfterSeconds) {
        return new ApiException(ProblemType.INSUFFICIENT_STORAGE, detail, List.of(), retryAfterSeconds);
    }

    /** This caller has too much running at once; it may try again after {@code retryAfterSeconds}. */
    public static ApiException tooManyRequests(String detail, int retryAfterSeconds) {
        return new ApiException(ProblemType.TOO_MANY_REQUESTS, detail, List.of(), retryAfterSeconds);
    }

    public Problem problem() {
        return type.problem(getMessage(), errors);
    }

    /** The problem as a response, for code that must hand Jersey a response rather than throw. */
    public Response response() {
        Response response = problem().toResponse();
        return retryAfterSeconds == null ? response
                : Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, retryAfterSeconds).build();
    }

    public int status() {
        return type.status();
    }

    /** Whether trying again later may work ({@code Retry-After} is sent): the service is busy or full. */
    public boolean isTemporary() {
        return retryAfterSeconds != null;
    }
}
