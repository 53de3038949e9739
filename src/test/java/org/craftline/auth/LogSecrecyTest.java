package org.craftline.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.DropwizardTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.craftline.CraftlineConfiguration;
import org.craftline.testing.Http;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.Test;

/** Tokens never reach a log line: not from headers, not from a query string, not from errors. */
class LogSecrecyTest {

    /** What a server logged while {@code calls} ran, and the worker token they had to use. */
    private record Logged(String output, String workerToken) {
    }

    private interface Calls {
        void run(DropwizardTestSupport<CraftlineConfiguration> app, Http admin, String workerToken) throws Exception;
    }

    private static Logged logged(String level, Calls calls) throws Exception {
        try (ConsoleCapture console = new ConsoleCapture()) {
            DropwizardTestSupport<CraftlineConfiguration> app = TestApp.support(TestApp.newDatabaseFile(),
                    Map.of("logging.level", level));
            app.before();
            String workerToken;
            try {
                Http admin = new Http(app.getLocalPort()).as(TestApp.ADMIN_TOKEN);
                String worker = TestApp.uniqueHandle("quiet");
                TestApp.createWorker(admin, worker);
                workerToken = TestApp.token(admin, worker, "WORKER");
                calls.run(app, admin, workerToken);
            } finally {
                app.after();   // stopping flushes the asynchronous log appenders
            }
            return new Logged(console.text(), workerToken);
        }
    }

    @Test
    void tokensAppearInNoLogLine() throws Exception {
        Logged logged = logged("DEBUG", (app, admin, workerToken) -> {
            Http anonymous = new Http(app.getLocalPort());
            anonymous.as(workerToken).get("/api/me");
            anonymous.as(workerToken).post("/api/tasks", "{broken");
            anonymous.get("/api/me?access_token=" + workerToken);
            anonymous.get("/api/me;access_token=" + workerToken);
            anonymous.get("/api/me;token=" + workerToken + "/x");
            anonymous.get("/api/workers;key=" + TestApp.ADMIN_TOKEN);
            anonymous.as(workerToken + "x").get("/api/me");
        });

        assertThat(logged.output()).as("the request log ran").contains("\"GET /api/me HTTP/1.1\" 200");
        assertThat(logged.output()).doesNotContain(TestApp.ADMIN_TOKEN, logged.workerToken(),
                logged.workerToken().substring(3));
    }

    /**
     * An operator raises Jetty's loggers to DEBUG through the admin port's log-level task (the
     * pinned INFO in config.yml does not stop that), and Jetty prints every request header.
     */
    @Test
    void tokensAppearInNoLogLine_whenJettyIsRaisedToDebugAtRunTime() throws Exception {
        Logged logged = logged("INFO", (app, admin, workerToken) -> {
            setLevel(app.getAdminPort(), "org.eclipse.jetty", "DEBUG");
            try {
                new Http(app.getLocalPort()).as(workerToken).get("/api/me");
                admin.get("/api/me");
            } finally {
                setLevel(app.getAdminPort(), "org.eclipse.jetty", "INFO");
            }
        });

        assertThat(logged.output()).as("Jetty printed the request headers")
                .containsIgnoringCase("Authorization: Bearer ****");
        assertThat(logged.output()).doesNotContain(TestApp.ADMIN_TOKEN, logged.workerToken(),
                logged.workerToken().substring(3, 30));
    }

    private static void setLevel(int adminPort, String logger, String level) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + adminPort + "/tasks/log-level"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("logger=" + logger + "&level=" + level)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }
}
