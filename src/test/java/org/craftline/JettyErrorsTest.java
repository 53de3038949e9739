package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.util.stream.Stream;
import org.craftline.http.RequestSizeLimit;
import org.craftline.problem.ProblemType;
import org.craftline.testing.NoDatabase;
import org.craftline.testing.RawHttp;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests Jetty refuses before Jersey sees them, and errors servlets outside the API raise: each
 * answer is a problem body of the type for its status, and no answer names the server software.
 */
@NoDatabase
@ExtendWith(DropwizardExtensionsSupport.class)
class JettyErrorsTest {

    static final DropwizardAppExtension<CraftlineConfiguration> APP = TestApp.extension();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLOSE = "Connection: close\r\n\r\n";

    static Stream<Arguments> refusedRequests() {
        return Stream.of(
                Arguments.of("a bad Host", "GET /api/me HTTP/1.1\r\nHost: a b c\r\n" + CLOSE, 400),
                Arguments.of("two Host headers", "GET /api/me HTTP/1.1\r\nHost: a\r\nHost: b\r\n" + CLOSE, 400),
                Arguments.of("no Host", "GET /api/me HTTP/1.1\r\n" + CLOSE, 400),
                Arguments.of("a malformed URI", "GET /api/%zz HTTP/1.1\r\nHost: x\r\n" + CLOSE, 400),
                Arguments.of("an ambiguous URI", "GET /api/..%2f..%2fetc HTTP/1.1\r\nHost: x\r\n" + CLOSE, 400),
                Arguments.of("a NUL in the URI", "GET /api/me%00 HTTP/1.1\r\nHost: x\r\n" + CLOSE, 400),
                Arguments.of("a line break in the path, to forge a log line", "GET /api/workers/a%0AERROR%20x%0D HTTP/1.1\r\n"
                        + "Host: x\r\nAuthorization: Bearer " + TestApp.ADMIN_TOKEN + "\r\n" + CLOSE, 400),
                Arguments.of("an escape in a path parameter", "GET /api/me;a=%1B[31m HTTP/1.1\r\nHost: x\r\n" + CLOSE, 400),
                Arguments.of("an authority other than Host", "GET http://evil/api/me HTTP/1.1\r\nHost: x\r\n" + CLOSE, 400),
                Arguments.of("headers too large", "GET /api/me HTTP/1.1\r\nHost: x\r\nX-A: " + "a".repeat(20_000)
                        + "\r\n" + CLOSE, 431),
                Arguments.of("a URI too long", "GET /api/" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: x\r\n" + CLOSE, 414),
                Arguments.of("TRACE", "TRACE /api/me HTTP/1.1\r\nHost: x\r\n" + CLOSE, 405),
                Arguments.of("TRACE outside the API", "TRACE / HTTP/1.1\r\nHost: x\r\n" + CLOSE, 405),
                Arguments.of("an unknown method", "FOO /api/me HTTP/1.1\r\nHost: x\r\n" + CLOSE, 405),
                Arguments.of("CONNECT", "CONNECT evil:443 HTTP/1.1\r\nHost: evil:443\r\n" + CLOSE, 405),
                Arguments.of("HTTP/0.9", "GET /api/me\r\n\r\n", 505),
                Arguments.of("an unknown HTTP version", "GET /api/me HTTP/7.1\r\nHost: x\r\n\r\n", 505),
                Arguments.of("control characters", "\u0001\u0002 hello\r\n\r\n", 400),
                Arguments.of("a Content-Length that is no number",
                        "POST /api/tasks HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n" + CLOSE, 400),
                Arguments.of("both Transfer-Encoding and Content-Length", "POST /api/tasks HTTP/1.1\r\nHost: x\r\n"
                        + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n" + CLOSE + "0\r\n\r\n", 400),
                Arguments.of("a broken chunk", "POST /api/tasks HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                        + TestApp.ADMIN_TOKEN + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                        + CLOSE + "zz\r\n", 400),
                Arguments.of("a missing file outside the API", "GET /nothing.css HTTP/1.1\r\nHost: x\r\n" + CLOSE, 404),
                Arguments.of("a missing file of the API docs", "GET /api/docs/nothing HTTP/1.1\r\nHost: x\r\n" + CLOSE, 404),
                Arguments.of("POST to the web page", "POST /index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
                        + CLOSE, 405));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    void refusedRequests_getAProblemBody(String what, String request, int status) throws IOException {
        RawHttp.Answer answer = RawHttp.send(APP.getLocalPort(), request);

        assertThat(answer.status()).as(answer.head() + "\n" + answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).startsWith("urn:craftline:problem:");
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(answer.head() + answer.body()).doesNotContainIgnoringCase("jetty").doesNotContain("<html");
        assertThat(answer.header("Server")).isNull();
    }

    @Test
    void theStatusesJettyAddsHaveTypesOfTheirOwn() throws IOException {
        JsonNode tooLarge = JSON.readTree(RawHttp.send(APP.getLocalPort(), "GET /api/me HTTP/1.1\r\nHost: x\r\nX-A: "
                + "a".repeat(20_000) + "\r\n" + CLOSE).body());
        JsonNode oldVersion = JSON.readTree(RawHttp.send(APP.getLocalPort(), "GET /api/me\r\n\r\n").body());

        assertThat(tooLarge.path("type").asText()).isEqualTo(ProblemType.HEADERS_TOO_LARGE.uri());
        assertThat(oldVersion.path("type").asText()).isEqualTo(ProblemType.HTTP_VERSION_NOT_SUPPORTED.uri());
        assertThat(oldVersion.path("detail").asText()).isEqualTo("HTTP/0.9 not supported");
    }

    /** Jetty's SizeLimitHandler holds paths Jersey never sees to the largest limit, declared or streamed. */
    @Test
    void aBodyOverTheServersLimit_is413_evenOnTheAdminPort() {
        String declared = "POST /tasks/gc HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                + (RequestSizeLimit.serverLimit(APP.getConfiguration().getImports().maxCaptureBytes()) + 1) + "\r\n" + CLOSE;
        RawHttp.Answer admin = RawHttp.send(APP.getAdminPort(), declared);
        RawHttp.Answer page = RawHttp.send(APP.getLocalPort(), declared.replace("/tasks/gc", "/index.html"));
        RawHttp.Answer fine = RawHttp.send(APP.getAdminPort(), "POST /tasks/gc HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Length: 0\r\n" + CLOSE);

        assertThat(admin.status()).as(admin.body()).isEqualTo(413);
        assertThat(admin.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(page.status()).isEqualTo(413);
        assertThat(fine.status()).as("the limit, not the task, refused it").isEqualTo(200);
    }

    @Test
    void aHeadRequestForAMissingFile_is404WithoutABody() {
        RawHttp.Answer answer = RawHttp.send(APP.getLocalPort(), "HEAD /nothing.css HTTP/1.1\r\nHost: x\r\n" + CLOSE);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void theWebPageAndTheApi_stillAnswerNormally() {
        RawHttp.Answer page = RawHttp.send(APP.getLocalPort(), "GET / HTTP/1.1\r\nHost: x\r\n" + CLOSE);
        RawHttp.Answer me = RawHttp.send(APP.getLocalPort(), "GET /api/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + TestApp.ADMIN_TOKEN + "\r\n" + CLOSE);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<html");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body()).contains("\"role\":\"ADMIN\"");
    }
}
