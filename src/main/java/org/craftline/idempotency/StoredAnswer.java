package org.craftline.idempotency;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.craftline.http.Locations;

/**
 * An answer as it is stored for replays, and sent the first time exactly as it will be replayed:
 * the status, {@code Location} and {@code ETag} if any, and the JSON body as text.
 */
public record StoredAnswer(int status, String location, String etag, String body) {

    /** Sent on a replayed answer, as Stripe does, so a client can tell it made nothing new. */
    static final String REPLAYED = "Idempotent-Replayed";

    Response toResponse(boolean replayed) {
        Response.ResponseBuilder response = Response.status(status).entity(body).type(MediaType.APPLICATION_JSON);
        if (location != null) {
            Locations.header(response, location);
        }
        if (etag != null) {
            response.header(HttpHeaders.ETAG, etag);
        }
        if (replayed) {
            response.header(REPLAYED, "true");
        }
        return response.build();
    }
}
