package org.craftline.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over 1 MiB with 413, before they are parsed. A declared Content-Length is
 * checked at once; a chunked body is counted as it is read.
 *
 * <p>Before answering, the rest of a moderately oversized body is read and dropped (up to
 * {@link #DRAIN_LIMIT}): a server that answers and closes while the client is still sending makes
 * the client see a reset connection instead of the 413.
 */
@PreMatching
public final class RequestSizeLimit implements ContainerRequestFilter {

    public static final long MAX_BYTES = 1024 * 1024;
    static final long DRAIN_LIMIT = 8 * MAX_BYTES;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES) {
            if (request.getLength() <= DRAIN_LIMIT) {
                drain(request.getEntityStream());
            }
            throw tooLarge();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new CountingStream(request.getEntityStream()));
        }
    }

    private static ApiException tooLarge() {
        return ApiException.payloadTooLarge("Request bodies are limited to " + MAX_BYTES + " bytes (1 MiB)");
    }

    private static void drain(InputStream body) {
        try {
            byte[] buffer = new byte[64 * 1024];
            long drained = 0;
            for (int n; drained < DRAIN_LIMIT && (n = body.read(buffer)) > 0; ) {
                drained += n;
            }
        } catch (IOException clientWentAway) {
            // Nothing to drain any more, and nobody to read the 413: answering is all that is left.
        }
    }

    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
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
            if (count > MAX_BYTES) {
                drain(in);
                throw tooLarge();
            }
        }
    }
}
