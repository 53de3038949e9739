package org.craftline.http;

import io.dropwizard.core.setup.Environment;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.craftline.problem.ApiException;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Refuses request bodies over 1 MiB with 413, before they are parsed; batches and imports, which
 * carry many tasks, may send 20 MiB, and the activity trackers' exports (a year of ActivityWatch is
 * about 100 MB) as much as the configuration allows ({@code imports.maxCaptureMiB}). A declared Content-Length is checked at once; a chunked body
 * is counted as it is read.
 *
 * <p>Before answering, the rest of a moderately oversized body (at most {@link #DRAIN_LIMIT} over
 * the route's limit) is read and dropped: a server that answers and closes while the client is
 * still sending makes the client see a reset connection instead of the 413.
 */
@PreMatching
public final class RequestSizeLimit implements ContainerRequestFilter {

    /**
     * Puts Jetty's own {@link SizeLimitHandler} in front of everything the server answers: paths
     * Jersey never sees (the admin port's tasks, the web page's files) are held to a limit too. It
     * sits above the largest route limit by the drain window, so that on the API the filter below
     * answers first, with each route's own limit (which one handler for the whole server cannot
     * express) and after reading the rest of the body, so that the client sees the 413; Jetty's
     * handler answers at once and closes, which a client still sending can see as a reset.
     */
    public void guardServer(Environment environment) {
        long serverLimit = serverLimit(captureLimit);
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                if (event instanceof Server server) {
                    SizeLimitHandler limit = new SizeLimitHandler(serverLimit, -1);
                    limit.setHandler(server.getHandler());
                    server.setHandler(limit);
                }
            }
        });
    }

    public static final long MAX_BYTES = 1024 * 1024;
    /** For {@code POST /api/tasks/batch} and {@code /api/imports/...}. */
    public static final long MAX_BULK_BYTES = 20 * MAX_BYTES;
    static final long DRAIN_LIMIT = 8 * MAX_BYTES;

    private final long captureLimit;

    /** @param captureLimit the limit of {@code /api/imports/activitywatch} and {@code /wakatime}, in bytes */
    public RequestSizeLimit(long captureLimit) {
        this.captureLimit = captureLimit;
    }

    /** What Jetty's handler allows any request: the largest route limit and the drain window. */
    public static long serverLimit(long captureLimit) {
        return Math.max(MAX_BULK_BYTES, captureLimit) + DRAIN_LIMIT;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        long limit = RouteWeights.isCaptureImport(path) ? captureLimit
                : RouteWeights.isBulkWrite(path) ? MAX_BULK_BYTES : MAX_BYTES;
        long declared = declaredLength(request);
        if (declared > limit) {
            if (declared <= limit + DRAIN_LIMIT) {
                drain(request.getEntityStream(), declared);
            }
            throw tooLarge(limit);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new CountingStream(request.getEntityStream(), limit));
        }
    }

    /**
     * The declared Content-Length, or -1 without one. Read here as a long: JAX-RS's own
     * {@code getLength()} is an int and fails on a larger number. A number too large even for a
     * long is, above all, too large.
     */
    private static long declaredLength(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (header == null || header.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static ApiException tooLarge(long limit) {
        return ApiException.payloadTooLarge("This request's body is limited to " + limit + " bytes ("
                + limit / MAX_BYTES + " MiB)");
    }

    /**
     * Reads and drops what is left of a body the server refuses before reading it (up to
     * {@link #DRAIN_LIMIT}), so the client reads the refusal instead of a reset connection, and the
     * connection can serve its next request.
     */
    static void drain(InputStream body) {
        drain(body, DRAIN_LIMIT);
    }

    /** The same, up to {@code atMost} bytes. */
    private static void drain(InputStream body, long atMost) {
        try {
            byte[] buffer = new byte[64 * 1024];
            long drained = 0;
            for (int n; drained < atMost && (n = body.read(buffer)) > 0; ) {
                drained += n;
            }
        } catch (IOException clientWentAway) {
            // Nothing to drain any more, and nobody to read the 413: answering is all that is left.
        }
    }

    private static final class CountingStream extends FilterInputStream {
        private final long limit;
        private long count;

        CountingStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            count += n;
            if (count > limit) {
                drain(in);
                throw tooLarge(limit);
            }
        }
    }
}
