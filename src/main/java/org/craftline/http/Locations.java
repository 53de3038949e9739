package org.craftline.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The {@code Location} of what a request made: a path on this server, built from the API's root and
 * never from the request's {@code Host}, which the client chose (RFC 9110 allows a relative
 * reference). Stored answers of Idempotency-Key replays carry the same value.
 */
public final class Locations {

    /** Where Jersey serves the API; the web page and Swagger UI have the rest. */
    public static final String API_ROOT = "/api";

    private Locations() {
    }

    /**
     * Sets {@code Location} to a path. As a String: JAX-RS would resolve a {@code URI} against the
     * request's base, Host included.
     */
    public static Response.ResponseBuilder header(Response.ResponseBuilder response, String location) {
        return response.header(HttpHeaders.LOCATION, location);
    }

    /** {@code /api/<collection>/<id>}, the id URL-safe as every id and handle is. */
    public static String of(String collection, Object id) {
        return API_ROOT + "/" + collection + "/" + id;
    }
}
