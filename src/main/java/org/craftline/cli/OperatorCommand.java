package org.craftline.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.io.FileNotFoundException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import net.sourceforge.argparse4j.inf.Namespace;
import org.craftline.CraftlineConfiguration;
import org.craftline.db.SqlStates;
import org.craftline.problem.UsageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command an operator runs from the shell beside (or instead of) the server: {@code token},
 * {@code demo}, {@code backup}, {@code restore}. It keeps the console to its own answer, and turns
 * each mistake (a missing configuration file, a bad argument, an H2 file a running server holds)
 * into one line on standard error naming the way out, never a stack trace.
 */
public abstract class OperatorCommand extends ConfiguredCommand<CraftlineConfiguration> {

    private String databaseUrl = "the configured database";

    protected OperatorCommand(String name, String description) {
        super(name, description);
    }

    /** The command's work; a {@link UsageException} is the user's mistake, told in its message. */
    protected abstract void execute(Bootstrap<CraftlineConfiguration> bootstrap, Namespace namespace,
                                    CraftlineConfiguration configuration) throws Exception;

    /** Checks the arguments before anything is touched; throws {@link UsageException}. */
    protected void checkArguments(Namespace namespace) {
    }

    /** What to do instead when a running server holds the H2 file. */
    protected String whileTheServerRuns() {
        return "Stop the server and run this again.";
    }

    @Override
    protected final void run(Bootstrap<CraftlineConfiguration> bootstrap, Namespace namespace,
                             CraftlineConfiguration configuration) throws Exception {
        checkArguments(namespace);
        // A command speaks for itself on the console; the server's INFO lines (migrations, the pool)
        // would bury its answer under logger names.
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        // Up to the first ; or ?, where settings (and, in a PostgreSQL URL, perhaps a password) start.
        databaseUrl = configuration.getDataSourceFactory().getUrl().replaceAll("[;?].*", "");
        execute(bootstrap, namespace, configuration);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable error) {
        String explanation = explain(error, namespace.getString("file"));
        if (explanation == null) {
            // Not a mistake of the user's: a bug, whose whole story is worth having.
            super.onError(cli, namespace, error);
        } else {
            cli.getStdErr().println(getName() + ": " + explanation);
        }
    }

    private String explain(Throwable error, String configurationFile) {
        if (SqlStates.isDatabaseInUse(error)) {
            return "the H2 database (" + databaseUrl + ") is open in a running Craftline server, and H2 lets one "
                    + "process use it at a time. " + whileTheServerRuns();
        }
        if (error instanceof UsageException) {
            return error.getMessage();
        }
        if (error instanceof FileNotFoundException || error instanceof NoSuchFileException) {
            return "cannot find the configuration file '" + configurationFile + "'";
        }
        if (error instanceof ConfigurationException) {
            return error.getMessage().strip();
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return "cannot use the database (" + databaseUrl + "): " + sql.getMessage().lines().findFirst().orElse("");
            }
        }
        return null;
    }
}
