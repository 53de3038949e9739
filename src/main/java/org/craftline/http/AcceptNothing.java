package org.craftline.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.regex.Pattern;
import org.craftline.problem.ApiException;

/**
 * An {@code Accept} header whose every range has {@code q=0} admits no answer at all (RFC 9110
 * 12.4.2): 406. Jersey reads {@code *}{@code /*;q=0} as "anything", so this is decided here.
 */
@PreMatching
public final class AcceptNothing implements ContainerRequestFilter {

    private static final Pattern QUALITY_ZERO = Pattern.compile(";\\s*q\\s*=\\s*0(?:\\.0{0,3})?\\s*(?:;|$)",
            Pattern.CASE_INSENSITIVE);

    @Override
    public void filter(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return;
        }
        for (String range : accept.split(",")) {
            if (!range.isBlank() && !QUALITY_ZERO.matcher(range.strip()).find()) {
                return;
            }
        }
        throw ApiException.notAcceptable("The Accept header admits no answer (every range has q=0): ask for "
                + "application/json, or text/csv or image/svg+xml where a route offers them");
    }
}
