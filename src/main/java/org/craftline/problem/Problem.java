package org.craftline.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail, the one error body every endpoint sends as
 * {@code application/problem+json}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The same problem answered with another status, for statuses the type table has no entry for. */
    public Problem withStatus(int otherStatus) {
        return otherStatus == status ? this : new Problem(type, title, otherStatus, detail, errors);
    }

    /** This problem as the response every endpoint sends it in. */
    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    /** One rejected input: {@code field} is a JSON path such as {@code steps[2].minutes} or a parameter name. */
    public record FieldError(String field, String message) {
    }
}
