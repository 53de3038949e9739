package org.craftline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import org.craftline.CraftlineApplication;
import org.craftline.CraftlineConfiguration;
import org.craftline.testing.NoDatabase;
import org.craftline.problem.UsageException;
import org.junit.jupiter.api.Test;

/** Only a command's own usage errors become one line; a bug keeps its stack trace. */
@NoDatabase
class OperatorCommandTest {

    private static final OperatorCommand COMMAND = new OperatorCommand("probe", "a command for this test") {
        @Override
        protected void execute(Bootstrap<CraftlineConfiguration> bootstrap, Namespace namespace,
                               CraftlineConfiguration configuration) {
        }
    };

    private static String stdErrOf(Throwable error) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Bootstrap<CraftlineConfiguration> bootstrap = new Bootstrap<>(new CraftlineApplication());
        Cli cli = new Cli(new JarLocation(OperatorCommandTest.class), bootstrap, new ByteArrayOutputStream(), err);
        COMMAND.onError(cli, new Namespace(Map.of("file", "config.yml")), error);
        cli.getStdErr().flush();
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aUsageError_isOneLine() {
        assertThat(stdErrOf(new UsageException("--worker is required for a WORKER token")))
                .isEqualTo("probe: --worker is required for a WORKER token" + System.lineSeparator());
    }

    @Test
    void anIllegalArgumentFromABug_keepsItsStackTrace() {
        String err = stdErrOf(new IllegalArgumentException("index -1 out of range"));

        assertThat(err).contains("java.lang.IllegalArgumentException: index -1 out of range").contains("\tat ");
    }
}
