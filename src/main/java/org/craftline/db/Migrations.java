package org.craftline.db;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.migrations.CloseableLiquibaseWithClassPathMigrationsFile;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import liquibase.database.jvm.JdbcConnection;
import liquibase.ui.LoggerUIService;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Liquibase changelog, the same file {@code db migrate} runs, on its own short-lived
 * connection pool, so the schema is current before the first request; a database already migrated
 * with this very changelog is left to its fingerprint ({@link SchemaFingerprint}).
 */
public final class Migrations {

    public static final String CHANGELOG = "migrations/changelog.xml";

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    static final String UNCHANGED = "Database schema is up to date: the changelog is the one it was last migrated with"
            + " (its fingerprint matches), so Liquibase's full check was skipped";

    private Migrations() {
    }

    /** Brings the schema up to date; answers whether Liquibase ran (false: the fingerprint was current). */
    public static boolean apply(DataSourceFactory database, MetricRegistry metrics) throws Exception {
        ManagedDataSource source = database.build(metrics, "migrations");
        Jdbi jdbi = SqlObjects.install(Jdbi.create(source));
        String fingerprint = SchemaFingerprint.of(CHANGELOG);
        if (SchemaFingerprint.isCurrent(jdbi, fingerprint)) {
            source.stop();
            LOG.info(UNCHANGED);
            return false;
        }
        try (var liquibase = new CloseableLiquibaseWithClassPathMigrationsFile(source, CHANGELOG)) {
            int pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).size();
            quietly(() -> liquibase.update(new Contexts(), new LabelExpression()));
            // On Liquibase's own connection: a pool of one (a test's, an operator's) has no other.
            Connection connection = ((JdbcConnection) liquibase.getDatabase().getConnection()).getUnderlyingConnection();
            SchemaFingerprint.record(SqlObjects.install(Jdbi.create(connection)), fingerprint);
            LOG.info(outcome(pending, liquibase.getDatabaseChangeLog().getChangeSets().size()));
        }
        return true;
    }

    /**
     * Applies only the changelog's first {@code changeSets} changesets, or all when null: a database
     * as an earlier release left it (for a restore's check, and for upgrade tests).
     */
    public static void applyFirst(DataSourceFactory database, Integer changeSets) throws Exception {
        try (var liquibase = new CloseableLiquibaseWithClassPathMigrationsFile(
                database.build(new MetricRegistry(), "migrations-first"), CHANGELOG)) {
            if (changeSets == null) {
                quietly(() -> liquibase.update(new Contexts(), new LabelExpression()));
            } else {
                quietly(() -> liquibase.update(changeSets, new Contexts(), new LabelExpression()));
            }
        }
    }

    /** Liquibase's progress goes to the log, not straight to standard output (a command's output is the operator's). */
    private static void quietly(Scope.ScopedRunner<?> update) throws Exception {
        Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService(), "liquibase.command.showSummaryOutput", "LOG"),
                update);
    }

    /** The changelog's changeset ids in the order they run, read with {@code database} (which it does not change). */
    public static List<String> changeSetIds(DataSourceFactory database) throws Exception {
        try (var liquibase = new CloseableLiquibaseWithClassPathMigrationsFile(
                database.build(new MetricRegistry(), "migrations-ids"), CHANGELOG)) {
            return liquibase.getDatabaseChangeLog().getChangeSets().stream().map(ChangeSet::getId).toList();
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
