package org.craftline.testing;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.craftline.CraftlineApplication;
import org.craftline.CraftlineConfiguration;
import org.craftline.db.Dialect;
import org.craftline.values.Clocks;
import org.jdbi.v3.core.Jdbi;

/**
 * The real service for integration tests: the shipped config.yml, random ports, and an H2 file in a
 * fresh temporary folder, reached through real HTTP.
 */
public final class TestApp {

    private TestApp() {
    }

    /** The operator's admin token in every test server, as if set with CRAFTLINE_ADMIN_TOKEN. */
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdefghijklmnop";

    public static DropwizardAppExtension<CraftlineConfiguration> extension() {
        return new DropwizardAppExtension<>(support(newDatabaseFile(), Map.of()));
    }

    public static DropwizardTestSupport<CraftlineConfiguration> support(Path databaseFile) {
        return support(databaseFile, Map.of());
    }

    /** A server with the admin token set, and {@code settings} (configuration paths to values) on top. */
    public static DropwizardTestSupport<CraftlineConfiguration> support(Path databaseFile, Map<String, String> settings) {
        return withoutAdminToken(databaseFile, withAdminToken(settings));
    }

    private static Map<String, String> withAdminToken(Map<String, String> settings) {
        Map<String, String> withToken = new LinkedHashMap<>(Map.of("auth.adminToken", ADMIN_TOKEN));
        withToken.putAll(settings);
        return withToken;
    }

    /**
     * A server as on a first start with no CRAFTLINE_ADMIN_TOKEN set. Settings are merged by key
     * before they become overrides: Dropwizard restores overridden system properties one override
     * at a time, so two overrides of one key would leave a value behind for the next test.
     */
    public static DropwizardTestSupport<CraftlineConfiguration> withoutAdminToken(Path databaseFile,
                                                                                  Map<String, String> settings) {
        return new DropwizardTestSupport<>(CraftlineApplication.class, "config.yml", configurationSource(),
                overrides(databaseFile, settings));
    }

    private static SubstitutingSourceProvider configurationSource() {
        return new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
                new EnvironmentVariableSubstitutor(false));
    }

    private static ConfigOverride[] overrides(Path databaseFile, Map<String, String> settings) {
        Map<String, String> merged = new LinkedHashMap<>();
        // Said outright, so that no CRAFTLINE_ADMIN_TOKEN in the environment makes one.
        merged.put("auth.adminToken", "");
        merged.put("auth.adminTokenFile", databaseFile.resolveSibling("admin-token").toString());
        merged.put("logging.level", "WARN");
        // Tests call far faster than a person; RateLimitTest sets the limits it tests.
        merged.put("rateLimits.requestsPerSecond", "1000000");
        merged.put("rateLimits.burst", "1000000");
        merged.putAll(databaseSettings(databaseFile));
        merged.putAll(settings);
        List<ConfigOverride> overrides = new ArrayList<>();
        overrides.add(ConfigOverride.randomPorts());
        merged.forEach((key, value) -> overrides.add(ConfigOverride.config(key, value)));
        return overrides.toArray(ConfigOverride[]::new);
    }

    /** A server as {@link #support(Path, Map)} makes it, whose time is {@code clock}. */
    public static DropwizardTestSupport<CraftlineConfiguration> support(Path databaseFile, Map<String, String> settings,
                                                                        Clock clock) {
        return new DropwizardTestSupport<>(CraftlineApplication.class, "config.yml", configurationSource(),
                overrides(databaseFile, withAdminToken(settings))) {
            @Override
            public Application<CraftlineConfiguration> newApplication() {
                return new CraftlineApplication(Clocks.truncated(clock));
            }
        };
    }

    /** An HTTP client to the test server that carries the admin token. */
    public static Http admin(DropwizardAppExtension<CraftlineConfiguration> app) {
        return new Http(app.getLocalPort()).as(ADMIN_TOKEN);
    }

    /** Creates a worker with the usual test profile through the API, insisting on the 201. */
    public static void createWorker(Http admin, String handle) {
        createWorker(admin, Payloads.worker(handle));
    }

    /**
     * Creates a worker from {@code body} through the API as {@code admin}, insisting on the 201:
     * no test goes on with a worker that was never made.
     */
    public static void createWorker(Http admin, Map<String, Object> body) {
        Http.Reply reply = admin.post("/api/workers", Http.json(body));
        if (reply.status() != 201) {
            throw new AssertionError("creating worker " + body.get("handle") + ": " + reply.status() + " " + reply.body());
        }
    }

    /** A client on {@code admin}'s server that acts with a new token of {@code role} for {@code handle}. */
    public static Http signedIn(Http admin, String handle, String role) {
        return admin.as(token(admin, handle, role));
    }

    /** Makes a token of {@code role} for {@code handle} through the API and returns its secret. */
    public static String token(Http admin, String handle, String role) {
        Http.Reply reply = admin.post("/api/workers/" + handle + "/tokens", "{\"role\":\"" + role + "\"}");
        if (reply.status() != 201) {
            throw new AssertionError("token for " + handle + ": " + reply.body());
        }
        return reply.json().path("token").asText();
    }

    /**
     * Points the server at this test's own database: the H2 file itself, or on the PostgreSQL run a
     * database named after the file's folder, so that two starts on one "file" share one database.
     */
    private static Map<String, String> databaseSettings(Path databaseFile) {
        if (TestDatabases.current() == TestDatabases.H2) {
            return Map.of("database.url", Dialect.h2FileUrl(databaseFile));
        }
        PostgresCluster cluster = PostgresCluster.get();
        String name = postgresDatabaseName(databaseFile);
        cluster.createDatabase(name);
        return Map.of(
                "database.url", cluster.jdbcUrl(name),
                "database.driverClass", "org.postgresql.Driver",
                "database.user", PostgresCluster.USER,
                "database.password", PostgresCluster.PASSWORD);
    }

    /** The same database as the environment variables config.yml reads, for the jar in a process of its own. */
    public static Map<String, String> databaseEnvironment(Path databaseFile) {
        Map<String, String> names = Map.of("database.url", "CRAFTLINE_DB_URL", "database.driverClass",
                "CRAFTLINE_DB_DRIVER", "database.user", "CRAFTLINE_DB_USER", "database.password", "CRAFTLINE_DB_PASSWORD");
        Map<String, String> environment = new LinkedHashMap<>();
        databaseSettings(databaseFile).forEach((key, value) -> environment.put(names.get(key), value));
        return environment;
    }

    /** An H2 file database, whichever database the run is on, as environment variables for config.yml. */
    public static Map<String, String> h2Environment(Path databaseFile) {
        return Map.of("CRAFTLINE_DB_URL", Dialect.h2FileUrl(databaseFile),
                "CRAFTLINE_DB_DRIVER", "org.h2.Driver", "CRAFTLINE_DB_USER", "craftline", "CRAFTLINE_DB_PASSWORD", "");
    }

    /** The PostgreSQL database that stands for this H2 file on the PostgreSQL run. */
    public static String postgresDatabaseName(Path databaseFile) {
        return "t_" + databaseFile.getParent().getFileName().toString().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "_");
    }

    /** A direct connection to a running test server's database, for what the API cannot do (backdating). */
    public static Jdbi jdbi(CraftlineConfiguration configuration) {
        return TestDatabase.jdbi(configuration.getDataSourceFactory());
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
