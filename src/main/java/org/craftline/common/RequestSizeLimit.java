package org.craftline.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over a fixed size with 413, before they are parsed. A declared
 * Content-Length is checked at once; a chunked body is counted as it is read.
 */
@PreMatching
public final class RequestSizeLimit implements ContainerRequestFilter {

    public static final long MAX_BYTES = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES) {
            throw tooLarge();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new CountingStream(request.getEntityStream()));
        }
    }

    private static ApiException tooLarge() {
        return ApiException.payloadTooLarge("Request bodies are limited to " + MAX_BYTES + " bytes (1 MiB)");
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
                throw tooLarge();
            }
        }
    }
}
