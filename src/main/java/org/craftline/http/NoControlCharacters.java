package org.craftline.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.craftline.problem.ProblemType;

/**
 * Refuses a path that holds a control character once decoded ({@code %0A}, {@code %1B}, also in a
 * path parameter such as {@code ;a=%1B}): no route takes one, and such a path is a try at forging a
 * log line or a terminal's colours. Jetty refuses most of them itself; path parameters it passes on.
 */
public final class NoControlCharacters implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = ((HttpServletRequest) request).getRequestURI();
        if (path != null && hasControlCharacter(path)) {
            ServletProblems.write((HttpServletResponse) response, ProblemType.BAD_REQUEST,
                    "The path holds a control character (a line break, an escape); no path here has one");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean hasControlCharacter(String rawPath) {
        String decoded;
        try {
            decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            decoded = rawPath;   // Jetty refuses malformed escapes before this; the raw text is checked anyway
        }
        return decoded.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')
                || rawPath.chars().anyMatch(Character::isISOControl);
    }
}
