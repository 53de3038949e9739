package org.craftline.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.testing.DropwizardTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.craftline.CraftlineConfiguration;
import org.craftline.testing.Http;
import org.craftline.testing.TestApp;
import org.craftline.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class AdminBootstrapTest {

    private static final Pattern PRINTED_TOKEN = Pattern.compile("^\\s+(cl_[A-Za-z0-9_-]{43})\\s*$", Pattern.MULTILINE);

    private static String adminTokenFile(Path database) {
        return database.resolveSibling("admin-token").toString();
    }

    /** A server started by a test writes to a pipe, not a terminal: as under systemd or Docker. */
    @Test
    void firstStart_withoutATerminal_savesAnAdminTokenForTheOwnerOnly_andPrintsWhereNotWhat() throws Exception {
        Path database = TestApp.newDatabaseFile();
        Path file = Path.of(adminTokenFile(database));

        String saved;
        try (ConsoleCapture console = new ConsoleCapture()) {
            DropwizardTestSupport<CraftlineConfiguration> app = TestApp.withoutAdminToken(database, Map.of());
            app.before();
            try {
                saved = Files.readString(file, StandardCharsets.UTF_8).trim();
                assertThat(saved).matches("cl_[A-Za-z0-9_-]{43}");
                assertThat(console.text()).doesNotContain(saved).doesNotContain(saved.substring(3, 20))
                        .contains("admin token was created and saved").contains(file.toString());
                Http.Reply me = new Http(app.getLocalPort()).as(saved).get("/api/me");
                assertThat(me.json().path("role").asText()).isEqualTo("ADMIN");
            } finally {
                app.after();
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        try (ConsoleCapture console = new ConsoleCapture()) {
            DropwizardTestSupport<CraftlineConfiguration> again = TestApp.withoutAdminToken(database, Map.of());
            again.before();
            try {
                assertThat(console.text()).as("no second token").doesNotContain("admin token was created");
                assertThat(Files.readString(file, StandardCharsets.UTF_8).trim()).isEqualTo(saved);
                assertThat(new Http(again.getLocalPort()).as(saved).get("/api/me").status()).isEqualTo(200);
            } finally {
                again.after();
            }
        }
    }

    @Test
    void firstStart_inATerminal_printsTheTokenOnce() throws Exception {
        Jdbi jdbi = TestDatabase.migrated();
        TokenDao tokens = jdbi.onDemand(TokenDao.class);
        Clock clock = Clock.systemUTC();
        Path file = TestApp.newDatabaseFile().resolveSibling("admin-token");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream terminal = new PrintStream(printed, true, StandardCharsets.UTF_8);

        new AdminBootstrap(tokens, new TokenIssuer(jdbi, clock), clock, terminal, true).ensureAdminToken("", file);
        new AdminBootstrap(tokens, new TokenIssuer(jdbi, clock), clock, terminal, true).ensureAdminToken("", file);

        Matcher matcher = PRINTED_TOKEN.matcher(printed.toString(StandardCharsets.UTF_8));
        assertThat(matcher.find()).as("a token in the banner").isTrue();
        assertThat(matcher.group(1)).isEqualTo(Files.readString(file, StandardCharsets.UTF_8).trim());
        assertThat(matcher.find()).as("printed once").isFalse();
    }

    @Test
    void environmentToken_isAnAdminTokenStoredOnlyAsItsHash() throws Exception {
        Path database = TestApp.newDatabaseFile();
        DropwizardTestSupport<CraftlineConfiguration> app = TestApp.support(database);
        app.before();
        try {
            Http.Reply me = new Http(app.getLocalPort()).as(TestApp.ADMIN_TOKEN).get("/api/me");
            assertThat(me.json().path("role").asText()).isEqualTo("ADMIN");
            List<String> rows = TestApp.jdbi(app.getConfiguration())
                    .withHandle(h -> h.createQuery("SELECT token_hash || prefix || COALESCE(label, '') FROM api_tokens")
                            .mapTo(String.class).list());
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0)).startsWith(Tokens.hash(TestApp.ADMIN_TOKEN)).doesNotContain(TestApp.ADMIN_TOKEN);
            assertThat(Path.of(adminTokenFile(database))).doesNotExist();
        } finally {
            app.after();
        }
    }

    @Test
    void shortEnvironmentToken_refusesToStart() {
        DropwizardTestSupport<CraftlineConfiguration> app = TestApp.withoutAdminToken(TestApp.newDatabaseFile(),
                Map.of("auth.adminToken", "too-short"));

        assertThatThrownBy(app::before).hasStackTraceContaining("at least 32 characters");
        app.after();
    }
}
