package org.craftline.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plain HTTP client for integration tests. It sends exactly the bytes and headers a test gives,
 * malformed ones included, which a typed client would refuse to produce.
 */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String authorization;
    private final Map<String, String> headers;
    private final Duration timeout;

    public Http(int port) {
        this("http://localhost:" + port, null, Map.of(), Duration.ofSeconds(30));
    }

    private Http(String base, String authorization, Map<String, String> headers, Duration timeout) {
        this.base = base;
        this.authorization = authorization;
        this.headers = headers;
        this.timeout = timeout;
    }

    /** The same client waiting up to {@code timeout} for an answer (30 s otherwise), for the big requests. */
    public Http withTimeout(Duration timeout) {
        return new Http(base, authorization, headers, timeout);
    }

    /** The same client sending {@code Authorization: Bearer <token>}; null sends no header. */
    public Http as(String bearerToken) {
        return new Http(base, bearerToken == null ? null : "Bearer " + bearerToken, headers, timeout);
    }

    /** The same client sending this exact Authorization header, malformed ones included. */
    public Http withAuthorization(String header) {
        return new Http(base, header, headers, timeout);
    }

    /** The same client sending one more header on every request. */
    public Http withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Http(base, authorization, Map.copyOf(more), timeout);
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(body(json)));
    }

    /** Sends the body without a Content-Length, as chunks, the way a streaming client would. */
    public Reply postChunked(String path, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return send(request(path).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
    }

    /** Posts raw bytes, for bodies that are not JSON or not even valid text. */
    public Reply postBytes(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(BodyPublishers.ofByteArray(body)));
    }

    public Reply put(String path, String json, String ifMatch) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json").PUT(body(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    public Reply send(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body, null);
    }

    public Reply send(String method, String path, String contentType, String body, String accept) {
        HttpRequest.Builder request = request(path).method(method, body == null ? BodyPublishers.noBody() : body(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        return request;
    }

    private static BodyPublisher body(String json) {
        return json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            var response = CLIENT.send(request.build(), BodyHandlers.ofString());
            Reply reply = new Reply(response.statusCode(), response.headers(), response.body());
            if (reply.status() >= 400) {
                ErrorSweep.check(reply.status(), reply.contentType(), reply.body());
            }
            return reply;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public record Reply(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }
}
