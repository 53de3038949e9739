package org.craftline.db;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.migrations.CloseableLiquibaseWithClassPathMigrationsFile;
import java.util.Map;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Liquibase changelog, the same file {@code db migrate} runs, on its own short-lived
 * connection pool, so the schema is current before the first request.
 */
public final class Migrations {

    public static final String CHANGELOG = "migrations/changelog.xml";

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    public static void apply(DataSourceFactory database, MetricRegistry metrics) throws Exception {
        try (var liquibase = new CloseableLiquibaseWithClassPathMigrationsFile(
                database.build(metrics, "migrations"), CHANGELOG)) {
            int pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).size();
            // Liquibase's progress goes to the log, not straight to standard output.
            Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService(), "liquibase.command.showSummaryOutput", "LOG"),
                    () -> liquibase.update(new Contexts(), new LabelExpression()));
            LOG.info(outcome(pending, liquibase.getDatabaseChangeLog().getChangeSets().size()));
        }
    }

    /** What the migration did, in words an operator reads at start-up. */
    static String outcome(int applied, int total) {
        if (applied == 0) {
            return "Database schema is up to date: all " + total + " changesets were applied before; nothing to do";
        }
        if (applied == total) {
            return "Created the database schema: applied all " + total + " changesets to an empty database";
        }
        return "Upgraded the database schema: applied " + applied + " new changeset" + (applied == 1 ? "" : "s")
                + " (" + total + " in all)";
    }
}
