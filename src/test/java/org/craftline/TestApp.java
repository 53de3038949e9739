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
import java.util.UUID;

/**
 * The real service for integration tests: the shipped config.yml, random ports, and an H2 file in a
 * fresh temporary folder, reached through real HTTP.
 */
public final class TestApp {

    private TestApp() {
    }

    public static DropwizardAppExtension<CraftlineConfiguration> extension() {
        return new DropwizardAppExtension<>(support(newDatabaseFile()));
    }

    public static DropwizardTestSupport<CraftlineConfiguration> support(Path databaseFile) {
        return new DropwizardTestSupport<>(CraftlineApplication.class, "config.yml",
                new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
                        new EnvironmentVariableSubstitutor(false)),
                ConfigOverride.randomPorts(),
                ConfigOverride.config("database.url",
                        "jdbc:h2:" + databaseFile.toAbsolutePath() + ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0"),
                ConfigOverride.config("logging.level", "WARN"));
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
