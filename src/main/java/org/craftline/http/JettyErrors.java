package org.craftline.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Map;
import java.util.regex.Pattern;
import org.craftline.problem.Problem;
import org.craftline.problem.ProblemType;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Errors that Jetty answers itself, before Jersey sees the request or outside it: a bad
 * {@code Host}, a malformed URI, headers too large (431), methods nobody serves (405), HTTP/0.9, a
 * path outside the API that names no file. They get the same {@code application/problem+json}
 * body as every API error, whatever {@code Accept} says, with Jetty's own reason as the detail
 * unless that reason would show internals.
 *
 * <p>Jetty asks two kinds of error handler: the server's, for requests that never reached a
 * context (the HTTP parser's refusals), and each servlet context's, for {@code sendError} by
 * servlets and filters. Both write through {@link #writeProblem}.
 */
public final class JettyErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Jetty's reasons are short English phrases; anything else (a class name, a path) is not shown. */
    private static final Pattern PLAIN_REASON = Pattern.compile("[A-Za-z0-9 !=/'(),.:_-]{1,120}");
    private static final Pattern INTERNALS = Pattern.compile("(?i).*(exception|error:|\\.java|[a-z]+\\.[a-z]+\\.).*");
    /** Details for the statuses Jetty gives without a reason of its own. */
    private static final Map<Integer, String> DETAILS = Map.of(
            404, "There is nothing at this path",
            405, "This path does not accept that method",
            413, "The request's body is larger than this server accepts",
            414, "The request's URI is too long",
            431, "The request's headers are too large",
            505, "Send the request as HTTP/1.1");

    private JettyErrors() {
    }

    /** Puts problem bodies in place of Jetty's HTML error pages, on the application and admin ports. */
    public static void install(Environment environment) {
        environment.getApplicationContext().setErrorHandler(new ContextErrors());
        environment.getAdminContext().setErrorHandler(new ContextErrors());
        environment.servlets().addFilter("status-only-errors", new StatusOnlyErrors())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        // The server is built after run(); its error handler is replaced as it starts.
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                if (event instanceof Server server) {
                    server.setErrorHandler(new ServerErrors());
                }
            }
        });
    }

    static byte[] body(int status, String reason) {
        ProblemType type = ProblemType.forStatus(status);
        Problem problem = type.problem(detail(status, reason)).withStatus(status);
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem record always serialises", e);
        }
    }

    static String detail(int status, String reason) {
        boolean plain = reason != null && PLAIN_REASON.matcher(reason).matches()
                && !INTERNALS.matcher(reason).matches()
                && !reason.equalsIgnoreCase(HttpStatus.getMessage(status));
        if (plain) {
            return reason;
        }
        return DETAILS.getOrDefault(status, status < 500
                ? "The server cannot read this request" : "The server could not answer this request");
    }

    private static void writeProblem(Response response, Callback callback, int status, String reason) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.write(true, ByteBuffer.wrap(body(status, reason)), callback);
    }

    /**
     * Dropwizard's asset servlet answers a file it cannot find with a bare {@code setStatus(404)}
     * and no body. Outside the API, such an error status becomes {@code sendError}, which the
     * context's error handler answers with a problem body. Jersey (the API) writes its own
     * problem bodies and is left alone.
     */
    private static final class StatusOnlyErrors extends HttpFilter {
        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (Locations.API_ROOT.equals(request.getServletPath())) {
                chain.doFilter(request, response);
                return;
            }
            chain.doFilter(request, new HttpServletResponseWrapper(response) {
                @Override
                public void setStatus(int status) {
                    if (status >= 400 && !isCommitted()) {
                        try {
                            sendError(status);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    } else {
                        super.setStatus(status);
                    }
                }
            });
        }
    }

    /** The server's handler, for requests the HTTP parser refused before any context saw them. */
    private static final class ServerErrors extends org.eclipse.jetty.server.handler.ErrorHandler {
        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message,
                Throwable cause, Callback callback) {
            writeProblem(response, callback, code, message);
        }
    }

    /** A servlet context's handler, for {@code sendError} by servlets and filters (405, 404, ...). */
    private static final class ContextErrors extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
        ContextErrors() {
            setShowStacks(false);
            setShowOrigin(false);
            setShowCauses(false);
        }

        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message,
                Throwable cause, Callback callback) {
            writeProblem(response, callback, code, message);
            // As Jetty's own servlet error handler does after writing its page.
            Request.as(request, ServletContextRequest.class).getServletChannel().sendErrorResponseAndComplete();
        }
    }
}
