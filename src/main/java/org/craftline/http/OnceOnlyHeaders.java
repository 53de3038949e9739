package org.craftline.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import org.craftline.problem.ApiException;

/**
 * Refuses a request that sends, more than once, a header the API reads as one value: two
 * {@code Authorization} headers, say. Which one counts would be the server's guess, and a proxy in
 * front may guess the other way (RFC 9110 5.3: only list-valued fields may repeat). 400, before
 * anything reads them.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public final class OnceOnlyHeaders implements ContainerRequestFilter {

    /** If-Match is a list (several lines are one list), and Jetty refuses a second Content-Length itself. */
    private final List<String> once = new ArrayList<>(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.CONTENT_ENCODING));

    /** @param alsoOnce the features' own single-valued headers, such as {@code Idempotency-Key} */
    public OnceOnlyHeaders(String... alsoOnce) {
        once.addAll(List.of(alsoOnce));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        for (String name : once) {
            List<String> values = request.getHeaders().get(name);
            if (values != null && values.size() > 1) {
                throw ApiException.badParameter(name, "was sent " + values.size() + " times: send it once");
            }
        }
    }
}
