package org.craftline.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.craftline.problem.ApiException;

/**
 * Bodies come as UTF-8, plain or gzip-compressed (which Jetty inflates before us): a declared
 * {@code charset} other than UTF-8, or a {@code Content-Encoding} other than gzip or identity, is
 * 415, named, rather than a 400 whose detail would echo bytes read the wrong way. A JSON body's
 * bytes must then really be UTF-8 ({@link StrictUtf8}).
 */
@PreMatching
public final class BodyEncoding implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String encoding = request.getHeaderString(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null) {
            for (String coding : encoding.split(",")) {
                String name = coding.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !name.equals("gzip") && !name.equals("identity")) {
                    RequestSizeLimit.drain(request.getEntityStream());
                    throw ApiException.unsupportedMediaType("Content-Encoding '" + coding.strip()
                            + "' is not supported: send the body as is, or gzip-compressed");
                }
            }
        }
        MediaType type = request.getMediaType();
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.strip().replace("\"", "").equalsIgnoreCase(StandardCharsets.UTF_8.name())
                && !charset.strip().equalsIgnoreCase("utf8")) {
            RequestSizeLimit.drain(request.getEntityStream());
            throw ApiException.unsupportedMediaType("charset '" + charset + "' is not supported: bodies are UTF-8");
        }
        // CSV imports check their own bytes, and say in which row a bad one is.
        if (type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            request.setEntityStream(new StrictUtf8(request.getEntityStream()));
        }
    }
}
