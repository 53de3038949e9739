package org.craftline.cli;

import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.sql.DriverManager;
import net.sourceforge.argparse4j.inf.Namespace;
import org.craftline.CraftlineConfiguration;
import org.craftline.db.Dialect;
import org.craftline.db.Migrations;
import org.craftline.db.OneWriterAtATime;
import org.craftline.db.SqlObjects;
import org.craftline.db.WritesOnlyInTransactions;
import org.jdbi.v3.core.Jdbi;

/**
 * An operator's command that works on the configured database itself ({@code token}, {@code demo}):
 * it migrates the schema when the server would, hands the command a Jdbi, and closes the pool after.
 */
public abstract class DatabaseCommand extends OperatorCommand {

    protected DatabaseCommand(String name, String description) {
        super(name, description);
    }

    /** The command's work; a {@link org.craftline.problem.UsageException} is the user's mistake, told in its message. */
    protected abstract void run(Jdbi jdbi, Namespace namespace, CraftlineConfiguration configuration) throws Exception;

    @Override
    protected final void execute(Bootstrap<CraftlineConfiguration> bootstrap, Namespace namespace,
                                 CraftlineConfiguration configuration) throws Exception {
        DataSourceFactory database = configuration.getDataSourceFactory();
        // One plain connection first: a pool that cannot connect logs a stack trace before it fails.
        DriverManager.getConnection(database.getUrl(), database.getUser(), database.getPassword()).close();
        if (configuration.isMigrateOnStart()) {
            Migrations.apply(database, bootstrap.getMetricRegistry());
        }
        ManagedDataSource dataSource = database.build(bootstrap.getMetricRegistry(), getName());
        try {
            Jdbi jdbi = WritesOnlyInTransactions.installOn(SqlObjects.install(Jdbi.create(dataSource)));
            run(OneWriterAtATime.installOn(jdbi, Dialect.of(database.getUrl())), namespace, configuration);
        } finally {
            dataSource.stop();
        }
    }
}
