package org.craftline.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.DropwizardTestSupport;
import java.util.Map;
import org.craftline.CraftlineConfiguration;
import org.craftline.Http;
import org.craftline.TestApp;
import org.junit.jupiter.api.Test;

/** Tokens never reach a log line: not from headers, not from a query string, not from errors. */
class LogSecrecyTest {

    @Test
    void tokensAppearInNoLogLine() throws Exception {
        String output;
        String workerToken;
        try (ConsoleCapture console = new ConsoleCapture()) {
            DropwizardTestSupport<CraftlineConfiguration> app = TestApp.support(TestApp.newDatabaseFile(),
                    Map.of("logging.level", "DEBUG"));
            app.before();
            try {
                Http anonymous = new Http(app.getLocalPort());
                Http admin = anonymous.as(TestApp.ADMIN_TOKEN);
                String worker = TestApp.uniqueHandle("quiet");
                TestApp.createWorker(admin, worker);
                workerToken = admin.post("/api/workers/" + worker + "/tokens", "{}").json().path("token").asText();
                anonymous.as(workerToken).get("/api/me");
                anonymous.as(workerToken).post("/api/tasks", "{broken");
                anonymous.get("/api/me?access_token=" + workerToken);
                anonymous.as(workerToken + "x").get("/api/me");
            } finally {
                app.after();   // stopping flushes the asynchronous log appenders
            }
            output = console.text();
        }

        assertThat(output).as("the request log ran").contains("\"GET /api/me HTTP/1.1\" 200");
        assertThat(output).doesNotContain(TestApp.ADMIN_TOKEN, workerToken, workerToken.substring(3));
    }
}
