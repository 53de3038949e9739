package org.craftline;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.io.FileNotFoundException;
import java.nio.file.NoSuchFileException;
import java.sql.DriverManager;
import java.sql.SQLException;
import net.sourceforge.argparse4j.inf.Namespace;
import org.craftline.common.Migrations;
import org.craftline.common.SqlStates;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command that works on the configured database from the operator's shell ({@code token},
 * {@code demo}): it migrates the schema when the server would, hands the command a Jdbi, and
 * closes the pool after. A mistake (a missing configuration file, an unknown worker, an H2 file a
 * running server holds) is one line on standard error naming the way out, never a stack trace.
 */
public abstract class DatabaseCommand extends ConfiguredCommand<CraftlineConfiguration> {

    private String databaseUrl = "the configured database";

    protected DatabaseCommand(String name, String description) {
        super(name, description);
    }

    /** The command's work; an {@link IllegalArgumentException} is the user's mistake, told in its message. */
    protected abstract void run(Jdbi jdbi, Namespace namespace, CraftlineConfiguration configuration) throws Exception;

    /** What to do instead when a running server holds the H2 file. */
    protected abstract String whileTheServerRuns();

    /** Checks the arguments before the database is touched; throws {@link IllegalArgumentException}. */
    protected void checkArguments(Namespace namespace) {
    }

    @Override
    protected final void run(Bootstrap<CraftlineConfiguration> bootstrap, Namespace namespace,
                             CraftlineConfiguration configuration) throws Exception {
        checkArguments(namespace);
        // A command speaks for itself on the console; the server's INFO lines (migrations, the pool)
        // would bury its answer under logger names.
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        DataSourceFactory database = configuration.getDataSourceFactory();
        // Up to the first ; or ?, where settings (and, in a PostgreSQL URL, perhaps a password) start.
        databaseUrl = database.getUrl().replaceAll("[;?].*", "");
        // One plain connection first: a pool that cannot connect logs a stack trace before it fails.
        DriverManager.getConnection(database.getUrl(), database.getUser(), database.getPassword()).close();
        if (configuration.isMigrateOnStart()) {
            Migrations.apply(database, bootstrap.getMetricRegistry());
        }
        ManagedDataSource dataSource = database.build(bootstrap.getMetricRegistry(), getName());
        try {
            run(SqlObjects.install(Jdbi.create(dataSource)), namespace, configuration);
        } finally {
            dataSource.stop();
        }
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
        if (error instanceof IllegalArgumentException) {
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
