package org.craftline.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers that protect the pages this server sends (the web page, Swagger UI) and cost an API answer
 * nothing: scripts, styles and everything else only from this origin, never inline and never inside
 * another site's frame; no MIME sniffing; no Referer to other sites; and no caching of anything
 * under {@code /api}.
 */
public final class SecurityHeaders implements Filter {

    /**
     * {@code data:} images: Swagger UI's stylesheet draws its icons with them; {@code blob:} images:
     * the page shows the report chart it fetched with the token (an image URL cannot carry one).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        http.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        http.setHeader("X-Content-Type-Options", "nosniff");
        http.setHeader("Referrer-Policy", "no-referrer");
        if (((HttpServletRequest) request).getRequestURI().startsWith(Locations.API_ROOT + "/")) {
            // API answers carry personal data or tokens: no cache, shared or private, may keep them.
            http.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
