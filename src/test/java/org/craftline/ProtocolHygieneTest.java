package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.testing.ProblemAssert.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.ProblemAssert;
import org.craftline.testing.RawHttp;
import org.craftline.testing.SharedApp;
import org.craftline.testing.SharedApp.Admin;
import org.craftline.testing.SharedApp.FreshWorker;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Requests a hostile or careless client sends: each gets a clear 4xx problem, and nothing is stored. */
class ProtocolHygieneTest {

    @RegisterExtension
    static final SharedApp API = SharedApp.withWorkersNamed("proto");

    @Admin
    Http admin;
    @FreshWorker
    String worker;

    private int tasks() {
        return admin.get("/api/tasks?worker=" + worker).json().path("items").size();
    }

    private String task() {
        return Http.json(Payloads.task(worker, "2023-03-01"));
    }

    @Test
    void duplicateKeys_are400() {
        String body = "{\"worker\":\"" + worker + "\",\"date\":\"2023-03-01\",\"title\":\"t\",\"title\":\"u\","
                + "\"steps\":[{\"activity\":\"a\",\"minutes\":30,\"minutes\":3000,\"mode\":\"CRAFT\"}]}";

        JsonNode problem = assertProblem(admin.post("/api/tasks", body), 400);

        assertThat(problem.path("detail").asText()).contains("Duplicate field 'title'");
        assertThat(tasks()).isZero();
    }

    @Test
    void aCharsetOtherThanUtf8_is415_andUtf8IsFine() {
        assertProblem(admin.send("POST", "/api/tasks", "application/json; charset=ISO-8859-1", task()), 415);
        assertProblem(admin.send("POST", "/api/tasks", "application/json;charset=utf-16", task()), 415);
        assertThat(admin.send("POST", "/api/tasks", "application/json; charset=UTF-8", task()).status()).isEqualTo(201);
        assertThat(tasks()).isEqualTo(1);
    }

    @Test
    void aContentEncodingOtherThanGzip_is415_andGzipIsRead() throws IOException {
        Http.Reply brotli = admin.withHeader("Content-Encoding", "br").post("/api/tasks", task());
        JsonNode problem = assertProblem(brotli, 415);
        assertThat(problem.path("detail").asText()).contains("Content-Encoding 'br'");

        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(task().getBytes(StandardCharsets.UTF_8));
        }
        Http.Reply gzipped = admin.withHeader("Content-Encoding", "gzip").postBytes("/api/tasks", "application/json",
                zipped.toByteArray());
        assertThat(gzipped.status()).as(gzipped.body()).isEqualTo(201);
        assertThat(tasks()).isEqualTo(1);
    }

    @Test
    void aContentLengthBeyondAnyInt_is413() {
        RawHttp.Answer answer = RawHttp.send(SharedApp.app().getLocalPort(), "POST /api/tasks HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + TestApp.ADMIN_TOKEN + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 99999999999999\r\nConnection: close\r\n\r\n{");

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
    }

    /** Dropwizard's fuzzy enum reading, as docs/api.md documents it: case and spaces aside. */
    @Test
    void enumValuesInBodies_areReadAsDocumented() {
        java.util.function.Function<String, String> body = mode -> "{\"worker\":\"" + worker
                + "\",\"date\":\"2023-03-01\",\"title\":\"t\",\"steps\":[{\"activity\":\"a\",\"minutes\":30,"
                + "\"mode\":\"" + mode + "\"}]}";
        for (String mode : new String[] {"", "CRAFTY", "drudgery", "cr-aft"}) {
            ProblemAssert.assertFieldProblem(admin.post("/api/tasks", body.apply(mode)), 422, "steps[0].mode");
        }
        assertThat(tasks()).isZero();
        for (String mode : new String[] {"craft", " CRAFT ", "Craft", "CR AFT"}) {
            Http.Reply created = admin.post("/api/tasks", body.apply(mode));
            assertThat(created.status()).as(mode).isEqualTo(201);
            assertThat(created.json().path("steps").get(0).path("mode").asText()).isEqualTo("CRAFT");
        }
    }

    @Test
    void severalIfMatchLines_areReadAsOneList() {
        Http.Reply created = admin.post("/api/tasks", task());
        String task = created.header("Location");

        assertProblem(admin.withHeader("If-Match", "\"v7\"").put(task, task(), "\"v8\""), 412);
        Http.Reply replaced = admin.withHeader("If-Match", "\"v7\"").put(task, task(), created.header("ETag"));

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(admin.withHeader("If-Match", "\"v1\"").withHeader("X-Other", "x")
                .send("DELETE", task, null, null).status()).as("the line with v1 is stale now").isEqualTo(412);
    }

    @Test
    void anAcceptThatAdmitsNothing_is406() {
        for (String accept : new String[] {"*/*;q=0", "application/json;q=0, */*; q=0.0", "text/html;q=0"}) {
            assertProblem(admin.send("GET", "/api/me", null, null, accept), 406);
        }
        assertThat(admin.send("GET", "/api/me", null, null, "*/*;q=0.5").status()).isEqualTo(200);
        assertThat(admin.send("GET", "/api/me", null, null, "text/html;q=0, application/json").status())
                .isEqualTo(200);
    }

    @Test
    void apiAnswers_areNeverCached() {
        assertThat(admin.get("/api/me").header("Cache-Control")).isEqualTo("no-store");
        assertThat(admin.get("/api/tasks?worker=" + worker).header("Cache-Control")).isEqualTo("no-store");
        assertThat(admin.post("/api/workers/" + worker + "/tokens", "{}").header("Cache-Control")).isEqualTo("no-store");
    }

    /** Headers the API reads as one value, sent twice: which one counts would be a guess, so neither does. */
    @Test
    void aSingleValuedHeaderSentTwice_is400_andNothingIsStored() {
        String body = task();
        for (String header : List.of("Authorization: Bearer " + TestApp.ADMIN_TOKEN, "Content-Type: application/json",
                "Idempotency-Key: k-" + worker, "Content-Encoding: identity")) {
            // Jetty refuses a second Content-Type itself, with a body of its own that names nothing.
            String request = "POST /api/tasks HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestApp.ADMIN_TOKEN
                    + "\r\nContent-Type: application/json\r\nIdempotency-Key: k-" + worker
                    + "\r\nContent-Encoding: identity\r\n" + header + "\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body;
            RawHttp.Answer answer = RawHttp.send(API.app().getLocalPort(), request.getBytes(StandardCharsets.UTF_8));
            assertThat(answer.status()).as(header).isEqualTo(400);
            if (!header.startsWith("Content-Type")) {
                assertThat(answer.body()).contains(header.substring(0, header.indexOf(':')));
            }
        }
        assertThat(tasks()).isZero();
    }

    /** A request head or chunk size ended by a bare LF, not CRLF, is how a request is smuggled past a proxy. */
    @Test
    void bareLineFeeds_inAHeadOrAChunk_are400() {
        int port = API.app().getLocalPort();
        String head = "GET /api/me HTTP/1.1\nHost: localhost\nAuthorization: Bearer " + TestApp.ADMIN_TOKEN
                + "\nConnection: close\n\n";
        assertThat(RawHttp.send(port, head).status()).as("a head of bare LFs").isEqualTo(400);
        String body = task();
        String chunked = "POST /api/tasks HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestApp.ADMIN_TOKEN
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(body.length()) + "\n" + body + "\n0\n\n";
        assertThat(RawHttp.send(port, chunked).status()).as("chunk sizes ended by bare LFs").isEqualTo(400);
        assertThat(tasks()).isZero();
        String proper = head.replace("\n", "\r\n");
        assertThat(RawHttp.send(port, proper).status()).as("the same head with CRLF").isEqualTo(200);
    }

    /** Bytes that are not UTF-8 as RFC 3629 has it, in a JSON body of every kind: 400, and nothing stored. */
    @Test
    void bodiesThatAreNotUtf8_are400_onEveryWrite() {
        String task = task();
        String event = Http.json(Payloads.event(worker, "2023-03-02", "adopted a tool"));
        for (String path : List.of("/api/tasks", "/api/events")) {
            String body = path.equals("/api/tasks") ? task : event;
            byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
            // Inside a string value: the task's title, the event's label.
            int quote = body.indexOf(path.equals("/api/tasks") ? "Rock kit" : "adopted a tool");
            List<byte[]> refused = List.of(
                    splice(utf8, quote, new byte[] {(byte) 0xC0, (byte) 0xBC}),                 // an overlong '<'
                    splice(utf8, quote, new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}),    // an overlong '/'
                    splice(utf8, quote, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),    // a surrogate
                    splice(utf8, quote, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}), // past U+10FFFF
                    splice(utf8, utf8.length, new byte[] {(byte) 0xE2, (byte) 0x82}),          // cut short
                    body.getBytes(StandardCharsets.UTF_16LE), body.getBytes(StandardCharsets.UTF_16BE),
                    body.getBytes(java.nio.charset.Charset.forName("UTF-32BE")));
            for (byte[] bytes : refused) {
                assertProblem(admin.postBytes(path, "application/json", bytes), 400);
            }
        }
        assertThat(tasks()).isZero();
        assertThat(admin.get("/api/events?worker=" + worker).json().path("items").size()).isZero();
        String accents = task().replace("Rock kit", "modelé, 彫刻 🗿");
        assertThat(admin.postBytes("/api/tasks", "application/json", accents.getBytes(StandardCharsets.UTF_8)).status())
                .as("real UTF-8, two to four bytes a character").isEqualTo(201);
    }

    private static byte[] splice(byte[] body, int at, byte[] inserted) {
        byte[] out = new byte[body.length + inserted.length];
        System.arraycopy(body, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(body, at, out, at + inserted.length, body.length - at);
        return out;
    }
}
