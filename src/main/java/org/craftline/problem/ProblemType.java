package org.craftline.problem;

import java.util.List;
import org.craftline.problem.Problem.FieldError;

/**
 * Every kind of failure the API reports, with its problem {@code type}, {@code title} and status:
 * the one table that {@link ApiException} and every exception mapper build problem bodies from.
 * docs/api.md lists the same table for clients (ProblemTypeTest holds them together).
 */
public enum ProblemType {
    /** A request the server cannot read, for a reason none of the types below names. */
    BAD_REQUEST(400, "bad-request", "Bad request"),
    /** The body is not JSON at all, is empty, or is not one JSON object. */
    MALFORMED_JSON(400, "malformed-json", "Malformed JSON"),
    /** A query, path or header parameter that cannot be read or breaks its rule. */
    INVALID_PARAMETER(400, "invalid-parameter", "Invalid parameter"),
    UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    /** A worker already holds as many of something (active tokens, events) as one may: remove one first. */
    LIMIT_REACHED(409, "limit-reached", "Limit reached"),
    /** An If-Match that names an older version. */
    STALE(412, "stale", "Precondition failed"),
    TOO_LARGE(413, "too-large", "Payload too large"),
    /** Jetty's limit on the request line (8 KiB). */
    URI_TOO_LONG(414, "uri-too-long", "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    /** A body that is JSON but does not fit the request, or breaks a rule of the data. */
    INVALID(422, "invalid", "Unprocessable content"),
    PRECONDITION_REQUIRED(428, "precondition-required", "Precondition required"),
    /** This caller has too much running at once; {@code Retry-After} says when to try again. */
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    /** Jetty's limit on the request's headers (8 KiB). */
    HEADERS_TOO_LARGE(431, "headers-too-large", "Request header fields too large"),
    /** A bug: the log holds the rest under the id the detail quotes. */
    INTERNAL(500, "internal", "Internal server error"),
    /** The service or its database is busy or slow; trying again later can work. */
    UNAVAILABLE(503, "unavailable", "Service unavailable"),
    /** The disk under the database is full: nothing more can be written until an operator frees space. */
    INSUFFICIENT_STORAGE(507, "insufficient-storage", "Insufficient storage"),
    /** HTTP/0.9 or a version that does not exist: Craftline speaks HTTP/1.0 and 1.1. */
    HTTP_VERSION_NOT_SUPPORTED(505, "http-version-not-supported", "HTTP version not supported");

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    /** A stable identifier for the kind of problem; a URN because we promise no documentation URL. */
    public String uri() {
        return "urn:craftline:problem:" + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Problem problem(String detail) {
        return problem(detail, List.of());
    }

    public Problem problem(String detail, List<FieldError> errors) {
        return new Problem(uri(), title, status, detail, errors);
    }

    /**
     * The type for a status raised outside our code (by Jersey, say): the first listed with that
     * status, else the general client or server error.
     */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status < 500 ? BAD_REQUEST : INTERNAL;
    }
}
