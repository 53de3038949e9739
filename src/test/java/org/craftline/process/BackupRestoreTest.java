package org.craftline.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.craftline.testing.Http;
import org.craftline.testing.JavaProcess;
import org.craftline.testing.NoDatabase;
import org.craftline.testing.Payloads;
import org.craftline.testing.ProcessLevel;
import org.craftline.testing.ServerProcess;
import org.craftline.testing.TestApp;
import org.craftline.testing.WriteLoad;
import org.junit.jupiter.api.Test;

/**
 * The backup and restore commands, as an operator runs them beside a server that keeps taking
 * writes: the restored database gives the same report and export for data that was settled before
 * the backup, holds every write acknowledged before the backup began, and is consistent (no task
 * without its steps, day rollups equal to their steps). H2 only: PostgreSQL has pg_dump. The
 * commands' refusals are {@link org.craftline.backup.H2BackupTest}'s; that each is one line is
 * {@code OperatorCommand}'s, which {@link CommandsTest} proves.
 */
@NoDatabase
@ProcessLevel
class BackupRestoreTest {

    private static final String STEADY = "steady";
    private static final String BUSY = "busy";
    private static final int TASKS = 40;

    @Test
    void backupOfARunningServerUnderWrites_restoresToTheSameReportAndExport() throws Exception {
        Path original = TestApp.newDatabaseFile();
        Path zip = original.resolveSibling("craftline-backup.zip");
        Path restored = TestApp.newDatabaseFile();
        Map<String, String> reportAndExport;
        Set<String> acknowledgedBeforeTheBackup;
        WriteLoad load = new WriteLoad(BUSY);
        try (ServerProcess server = ServerProcess.start(original, TestApp.h2Environment(original))) {
            Http admin = server.admin();
            settledHistory(admin);
            TestApp.createWorker(admin, BUSY);
            var writers = load.start(admin, 2, new Random());
            Thread.sleep(500);
            acknowledgedBeforeTheBackup = load.acknowledged();

            JavaProcess.Outcome backup = command(original, Map.of("CRAFTLINE_ADMIN_PORT", String.valueOf(server.adminPort())),
                    "backup", "--to", zip.toString(), "config.yml");
            writers.stop();
            assertThat(load.acknowledged()).as("writes acknowledged while the backup ran")
                    .hasSizeGreaterThan(acknowledgedBeforeTheBackup.size());

            assertThat(backup.exitCode()).as(backup.stderr()).isZero();
            assertThat(backup.stdout()).startsWith("Backed up the running server's database to " + zip);
            assertThat(Files.size(zip)).isPositive();
            reportAndExport = reportAndExport(admin);
        }

        // With no server running, the command opens the file itself.
        Path offline = original.resolveSibling("offline.zip");
        JavaProcess.Outcome offlineBackup = command(original, Map.of(), "backup", "--to", offline.toString(), "config.yml");
        assertThat(offlineBackup.exitCode()).as(offlineBackup.stderr()).isZero();
        assertThat(offlineBackup.stdout()).contains("(no server was running)");
        JavaProcess.Outcome offlineRestore = command(TestApp.newDatabaseFile(), Map.of(), "restore", "--from",
                offline.toString(), "config.yml");
        assertThat(offlineRestore.stdout()).as(offlineRestore.stderr())
                .contains("(" + (TASKS + load.acknowledged().size()) + " tasks)");

        JavaProcess.Outcome restore = command(restored, Map.of(), "restore", "--from", zip.toString(), "config.yml");
        assertThat(restore.exitCode()).as(restore.stderr()).isZero();
        assertThat(restore.stdout()).startsWith("Restored " + zip + " into " + restored + ".mv.db");
        JavaProcess.Outcome again = command(restored, Map.of(), "restore", "--from", zip.toString(), "config.yml");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.stderr().strip()).as("one line, no stack trace").startsWith("restore: ").contains("exists already")
                .doesNotContain("Exception", "\tat ").hasLineCount(1);

        try (ServerProcess server = ServerProcess.start(restored, TestApp.h2Environment(restored))) {
            assertThat(reportAndExport(server.admin())).isEqualTo(reportAndExport);
            Set<String> present = server.admin().get("/api/export?worker=" + BUSY).json().path("tasks")
                    .findValuesAsText("title").stream().collect(Collectors.toSet());
            assertThat(present).as("every write acknowledged before the backup began").containsAll(acknowledgedBeforeTheBackup)
                    .as("nothing that was never sent").isSubsetOf(load.sentMarkers());
        }
        load.assertRollupsEqualTheSteps(TestApp.h2Environment(restored));
    }

    /** A command run as an operator would, on {@code database}'s H2 file, with the project's config.yml. */
    private static JavaProcess.Outcome command(Path database, Map<String, String> settings, String... arguments) {
        Map<String, String> environment = new HashMap<>(TestApp.h2Environment(database));
        environment.putAll(settings);
        return JavaProcess.run(database.getParent(), environment, arguments);
    }

    /** A worker's year, written before the backup and not touched after it: 40 tasks and an event. */
    private static void settledHistory(Http admin) {
        TestApp.createWorker(admin, STEADY);
        List<Map<String, Object>> tasks = new ArrayList<>();
        LocalDate day = LocalDate.of(2023, 1, 2);
        for (int i = 0; i < TASKS; i++) {
            tasks.add(Payloads.task(STEADY, day.plusDays(i * 9L).toString(),
                    Payloads.step("sculpting", 30 + i, "CRAFT"), Payloads.step("prompting", 20 + 2 * i, "EXECUTION")));
        }
        assertThat(admin.post("/api/tasks/batch", Http.json(Map.of("tasks", tasks))).status()).isEqualTo(201);
        assertThat(admin.post("/api/events", Http.json(Payloads.event(STEADY, "2023-06-01", "adopted a generator")))
                .status()).isEqualTo(201);
    }

    /** The settled worker's report and export, without the moment each was made. */
    private static Map<String, String> reportAndExport(Http admin) {
        JsonNode report = admin.get("/api/reports/deskilling?worker=" + STEADY + "&bucket=month").json();
        JsonNode export = admin.get("/api/export?worker=" + STEADY).json();
        ((ObjectNode) report).remove("generatedAt");
        ((ObjectNode) export).remove("exportedAt");
        return Map.of("report", report.toString(), "export", export.toString(),
                "csv", admin.get("/api/export?worker=" + STEADY + "&format=csv").body());
    }
}
