package org.craftline.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Locale;
import java.util.UUID;
import org.craftline.db.SqlStates;
import org.craftline.problem.ApiException;
import org.craftline.problem.ProblemType;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort. The database's faults (busy, unreachable, disk full) the client may retry; its
 * constraints the client broke; anything else is a bug: the client gets an id to quote and nothing
 * of the internals (no stack trace, no SQL), the log gets the whole story under the same id.
 */
final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        HttpException unreadable = unreadableRequest(exception);
        if (unreadable != null) {
            // The client broke HTTP while sending the body (a malformed chunk, a body shorter than
            // declared, a body over Jetty's limit): its error, not ours, and nothing to log.
            int status = unreadable.getCode() >= 500 ? 400 : unreadable.getCode();
            return ProblemType.forStatus(status).problem(
                    "The request body could not be read: " + JettyErrors.detail(status, unreadable.getReason()))
                    .withStatus(status).toResponse();
        }
        if (SqlStates.isPoolExhausted(exception)) {
            // The pool gives up after 2 s; by then a connection has usually come free.
            return ApiException.unavailable("The database is busy; try again in a few seconds", 2).response();
        }
        // Database faults are the operator's to fix, not bugs: the client learns to retry, the log
        // gets one line per request (not a stack trace each) so an outage does not bury the rest.
        if (SqlStates.isOutOfSpace(exception)) {
            LOG.error("The database's disk is full; free space for writes to resume: {}", rootMessage(exception));
            return ApiException.insufficientStorage(
                    "The database has run out of disk space; nothing was saved. Try again later", 60).response();
        }
        if (SqlStates.isUnavailable(exception)) {
            LOG.warn("The database cannot be reached: {}", rootMessage(exception));
            return ApiException.unavailable("The database cannot be reached; try again shortly, with the same Idempotency-Key for a write", 5)
                    .response();
        }
        // The database's constraints are the real guard; Java checks only give better messages. When
        // one fires that no check anticipated, the request still broke a rule: a client error.
        SqlStates.UniqueViolation duplicate = SqlStates.uniqueViolation(exception);
        if (duplicate != null) {
            return ApiException.duplicate(duplicate.columns().stream().map(UnexpectedExceptionMapper::camelCase).toList())
                    .response();
        }
        if (SqlStates.isCheckViolation(exception)) {
            return ApiException.unprocessable("body", "breaks a rule of the data").response();
        }
        if (SqlStates.isTimeout(exception)) {
            LOG.warn("A statement ran past the statement timeout", exception);
            return ApiException.unavailable(
                    "The database took too long to answer; try a shorter date range or try again later").response();
        }
        String id = UUID.randomUUID().toString();
        LOG.error("Unexpected error {}", id, exception);
        return ProblemType.INTERNAL.problem(
                "Something went wrong on our side; quote error id " + id + " when you report it").toResponse();
    }

    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Jetty's own account of a request it could not read, wherever Jersey wrapped it. */
    private static HttpException unreadableRequest(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException http) {
                return http;
            }
        }
        return null;
    }

    /** A column as the API names the field: {@code work_date} is {@code workDate}. */
    private static String camelCase(String column) {
        StringBuilder field = new StringBuilder();
        for (String part : column.split("_")) {
            field.append(field.length() == 0 ? part : part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1));
        }
        return field.toString();
    }
}
