package org.craftline.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.DropwizardTestSupport;
import java.nio.file.Path;
import org.craftline.CraftlineConfiguration;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.ProcessLevel;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.Test;

/** Data written before a restart is there after it: the H2 file is the store, not memory. */
@ProcessLevel
class RestartTest {

    @Test
    void dataSurvivesARestartOnTheSameFile() throws Exception {
        Path database = TestApp.newDatabaseFile();
        String worker = TestApp.uniqueHandle("keep");
        long taskId;

        DropwizardTestSupport<CraftlineConfiguration> first = TestApp.support(database);
        first.before();
        try {
            Http http = new Http(first.getLocalPort()).as(TestApp.ADMIN_TOKEN);
            TestApp.createWorker(http, worker);
            taskId = http.post("/api/tasks", Http.json(Payloads.task(worker, "2023-03-01"))).json().path("id").asLong();
            http.post("/api/events", Http.json(Payloads.event(worker, "2023-03-15", "adopted Midjourney v5")));
        } finally {
            first.after();
        }

        DropwizardTestSupport<CraftlineConfiguration> second = TestApp.support(database);
        second.before();
        try {
            Http http = new Http(second.getLocalPort()).as(TestApp.ADMIN_TOKEN);
            assertThat(http.get("/api/workers/" + worker).status()).isEqualTo(200);
            Http.Reply task = http.get("/api/tasks/" + taskId);
            assertThat(task.status()).isEqualTo(200);
            assertThat(task.json().path("totalMinutes").asInt()).isEqualTo(90);
            assertThat(http.get("/api/events?worker=" + worker).json().path("items").findValuesAsText("label"))
                    .containsExactly("adopted Midjourney v5");
            // The day ledger came back too: the day still holds the first task's 90 minutes.
            Http.Reply overrun = http.post("/api/tasks", Http.json(Payloads.task(worker, "2023-03-01",
                    Payloads.step("sculpt", 1351, "CRAFT"))));
            assertThat(overrun.status()).isEqualTo(422);
        } finally {
            second.after();
        }
    }
}
