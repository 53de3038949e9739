package org.craftline;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The real service for integration tests: the shipped config.yml, random ports, and an H2 file in a
 * fresh temporary folder, reached through real HTTP.
 */
public final class TestApp {

    private TestApp() {
    }

    /** The operator's admin token in every test server, as if set with CRAFTLINE_ADMIN_TOKEN. */
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdefghijklmnop";

    public static DropwizardAppExtension<CraftlineConfiguration> extension(ConfigOverride... extra) {
        return new DropwizardAppExtension<>(support(newDatabaseFile(), extra));
    }

    public static DropwizardTestSupport<CraftlineConfiguration> support(Path databaseFile, ConfigOverride... extra) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(extra));
        overrides.add(ConfigOverride.config("auth.adminToken", ADMIN_TOKEN));
        return withoutAdminToken(databaseFile, overrides.toArray(ConfigOverride[]::new));
    }

    /** A server as on a first start with no CRAFTLINE_ADMIN_TOKEN set. */
    public static DropwizardTestSupport<CraftlineConfiguration> withoutAdminToken(Path databaseFile,
                                                                                  ConfigOverride... extra) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.randomPorts(),
                ConfigOverride.config("database.url",
                        "jdbc:h2:" + databaseFile.toAbsolutePath() + ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0"),
                ConfigOverride.config("auth.adminTokenFile", databaseFile.resolveSibling("admin-token").toString()),
                ConfigOverride.config("logging.level", "WARN")));
        overrides.addAll(List.of(extra));
        return new DropwizardTestSupport<>(CraftlineApplication.class, "config.yml",
                new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
                        new EnvironmentVariableSubstitutor(false)),
                overrides.toArray(ConfigOverride[]::new));
    }

    /** An HTTP client to the test server that carries the admin token. */
    public static Http admin(DropwizardAppExtension<CraftlineConfiguration> app) {
        return new Http(app.getLocalPort()).as(ADMIN_TOKEN);
    }

    /** Makes a token of {@code role} for {@code handle} through the API and returns its secret. */
    public static String token(Http admin, String handle, String role) {
        Http.Reply reply = admin.post("/api/workers/" + handle + "/tokens", "{\"role\":\"" + role + "\"}");
        if (reply.status() != 201) {
            throw new AssertionError("token for " + handle + ": " + reply.body());
        }
        return reply.json().path("token").asText();
    }

    public static Path newDatabaseFile() {
        try {
            return Files.createTempDirectory("craftline-test").resolve("craftline");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A handle no other test uses, so tests sharing one server never see each other's data. */
    public static String uniqueHandle(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
