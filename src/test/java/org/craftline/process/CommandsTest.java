package org.craftline.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.DropwizardTestSupport;
import java.nio.file.Path;
import java.util.Map;
import org.craftline.CraftlineConfiguration;
import org.craftline.db.Dialect;
import org.craftline.testing.Http;
import org.craftline.testing.JavaProcess;
import org.craftline.testing.NoDatabase;
import org.craftline.testing.ProcessLevel;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code token} and {@code demo} commands as a newcomer runs them, in a JVM of their own: a
 * mistake, or an H2 file a running server holds, is one line on standard error with no Java class
 * name, and exit code 1. H2 only, since the file lock is H2's; the PostgreSQL run leaves it out.
 */
@NoDatabase
@ProcessLevel
class CommandsTest {

    private static final String CLASS_NAME = "(?s).*(\\b[a-z]+\\.[a-z]+\\.[A-Za-z]|Exception|\\tat ).*";

    private final Path database = TestApp.newDatabaseFile();

    private Map<String, String> environment() {
        return Map.of(
                "CRAFTLINE_DB_URL", Dialect.h2FileUrl(database),
                "CRAFTLINE_ADMIN_TOKEN_FILE", database.resolveSibling("admin-token").toString(),
                "CRAFTLINE_PORT", "0", "CRAFTLINE_ADMIN_PORT", "0");
    }

    private static void assertOneLineMistake(JavaProcess.Outcome outcome, String says) {
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(1);
        assertThat(outcome.stderr().lines().count()).as(outcome.stderr()).isEqualTo(1);
        assertThat(outcome.stderr()).contains(says).doesNotMatch(CLASS_NAME);
        assertThat(outcome.stdout()).isBlank();
    }

    @Test
    void againstTheFileARunningServerHolds_eachCommandSaysSoInOneLine() throws Exception {
        DropwizardTestSupport<CraftlineConfiguration> server = TestApp.support(database);
        server.before();
        try {
            assertOneLineMistake(JavaProcess.run(database.getParent(), environment(), "token", "create", "config.yml", "--role", "ADMIN"),
                    "token: the H2 database");
            JavaProcess.Outcome demo = JavaProcess.run(database.getParent(), environment(), "demo", "config.yml");
            assertOneLineMistake(demo, "is open in a running Craftline server");
            assertThat(demo.stderr()).contains("Stop the server");
        } finally {
            server.after();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "token create config.yml --worker nobody            | No worker with handle 'nobody'",
        "token create config.yml                            | --worker is required for a WORKER token",
        "token create config.yml --role ADMIN --expires-in-days 0 | --expires-in-days must be at least 1",
        "token create config.yml --role ADMIN --expires-in-days 2000000000 | must end by 2200-12-31",
        "token create missing.yml --role ADMIN              | cannot find the configuration file 'missing.yml'",
        "demo missing.yml                                   | cannot find the configuration file 'missing.yml'"
    })
    void aMistake_isOneLineWithoutInternals(String arguments, String says) {
        assertOneLineMistake(JavaProcess.run(database.getParent(), environment(), arguments.trim().split("\\s+")), says);
    }

    @Test
    void aTokenCreatedFromTheShell_opensTheApi() throws Exception {
        JavaProcess.Outcome created = JavaProcess.run(database.getParent(), environment(), "token", "create", "config.yml", "--role", "ADMIN",
                "--label", "ops");

        assertThat(created.exitCode()).as(created.stderr()).isZero();
        String token = created.stdout().lines().filter(line -> line.startsWith("cl_")).findFirst().orElseThrow();
        assertThat(created.stderr()).contains("shown only this once");
        DropwizardTestSupport<CraftlineConfiguration> server = TestApp.support(database);
        server.before();
        try {
            assertThat(new Http(server.getLocalPort()).as(token).get("/api/me").json().path("role").asText())
                    .isEqualTo("ADMIN");
        } finally {
            server.after();
        }
    }
}
