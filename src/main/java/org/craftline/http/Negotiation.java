package org.craftline.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Function;

/**
 * Which format an answer takes: the one a {@code format=} parameter names (a browser link cannot set
 * {@code Accept}), else the first of the offered formats that the {@code Accept} header admits, in
 * the header's order of preference, else the first offered.
 */
public final class Negotiation {

    private Negotiation() {
    }

    public static <F extends Enum<F>> F choose(F requested, HttpHeaders headers, F[] offered,
                                               Function<F, String> mediaType) {
        if (requested != null) {
            return requested;
        }
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            for (F format : offered) {
                if (acceptable.isCompatible(MediaType.valueOf(mediaType.apply(format)))) {
                    return format;
                }
            }
        }
        return offered[0];
    }
}
