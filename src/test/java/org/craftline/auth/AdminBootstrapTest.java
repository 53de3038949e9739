package org.craftline.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.testing.DropwizardTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.craftline.CraftlineConfiguration;
import org.craftline.Http;
import org.craftline.TestApp;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class AdminBootstrapTest {

    private static final Pattern PRINTED_TOKEN = Pattern.compile("^\\s+(cl_[A-Za-z0-9_-]{43})\\s*$", Pattern.MULTILINE);

    private static String adminTokenFile(Path database) {
        return database.resolveSibling("admin-token").toString();
    }

    @Test
    void firstStart_printsAnAdminTokenOnceAndSavesItForTheOwnerOnly() throws Exception {
        Path database = TestApp.newDatabaseFile();

        String printed;
        try (ConsoleCapture console = new ConsoleCapture()) {
            DropwizardTestSupport<CraftlineConfiguration> app = TestApp.withoutAdminToken(database, Map.of());
            app.before();
            try {
                Matcher matcher = PRINTED_TOKEN.matcher(console.text());
                assertThat(matcher.find()).as("a token in the banner").isTrue();
                printed = matcher.group(1);
                assertThat(matcher.find()).as("printed once").isFalse();
                Http.Reply me = new Http(app.getLocalPort()).as(printed).get("/api/me");
                assertThat(me.json().path("role").asText()).isEqualTo("ADMIN");
            } finally {
                app.after();
            }
        }
        Path file = Path.of(adminTokenFile(database));
        assertThat(Files.readString(file, StandardCharsets.UTF_8).trim()).isEqualTo(printed);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        try (ConsoleCapture console = new ConsoleCapture()) {
            DropwizardTestSupport<CraftlineConfiguration> again = TestApp.withoutAdminToken(database, Map.of());
            again.before();
            try {
                assertThat(PRINTED_TOKEN.matcher(console.text()).find()).as("no second token").isFalse();
                assertThat(new Http(again.getLocalPort()).as(printed).get("/api/me").status()).isEqualTo(200);
            } finally {
                again.after();
            }
        }
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
