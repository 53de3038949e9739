package org.craftline.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.craftline.problem.ProblemType;

/**
 * The admin port (backups, log levels, thread dumps) listens on 127.0.0.1, but a web page a local
 * browser opens can still reach it: by a cross-origin request, or by a name of its own that it
 * points at 127.0.0.1 (DNS rebinding). Operators' tools (curl, the commands) send neither an
 * {@code Origin} nor a {@code Host} other than a loopback address; a browser always does one or
 * the other. Both are refused with 403 before any task runs.
 */
public final class LocalOperatorsOnly implements Filter {

    /** localhost, 127.0.0.0/8 and [::1], with or without a port. */
    private static final Pattern LOOPBACK = Pattern.compile(
            "(localhost|127(\\.\\d{1,3}){3}|\\[::1\\])(:\\d{1,5})?");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String host = http.getHeader("Host");
        if (http.getHeader("Origin") != null) {
            refuse((HttpServletResponse) response, "the admin port takes no requests from web pages (this one sent Origin)");
        } else if (host != null && !LOOPBACK.matcher(host.toLowerCase(Locale.ROOT)).matches()) {
            refuse((HttpServletResponse) response, "the admin port answers only requests addressed to 127.0.0.1, "
                    + "localhost or [::1], not to another name");
        } else {
            chain.doFilter(request, response);
        }
    }

    private static void refuse(HttpServletResponse response, String detail) throws IOException {
        ServletProblems.write(response, ProblemType.FORBIDDEN, detail);
    }
}
