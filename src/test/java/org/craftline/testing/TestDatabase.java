package org.craftline.testing;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import java.util.UUID;
import org.craftline.CraftlineDaos;
import org.craftline.db.Migrations;
import org.craftline.db.SqlObjects;
import org.jdbi.v3.core.Jdbi;

/**
 * A private database with the real migrations applied, for DAO tests: in-memory H2, or on the
 * PostgreSQL run a fresh database in the test cluster. No mocks.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static Jdbi migrated() {
        DataSourceFactory database = fresh();
        try {
            Migrations.apply(database, new MetricRegistry());
        } catch (Exception e) {
            throw new IllegalStateException("migrations failed", e);
        }
        return jdbi(database);
    }

    /**
     * Applies the first {@code changeSets} migrations to {@code database} (all of them for null), to
     * build a database as an earlier release left it.
     */
    public static void migrate(DataSourceFactory database, Integer changeSets) throws Exception {
        Migrations.applyFirst(database, changeSets);
    }

    /** A private database with nothing in it yet, for tests that run migrations themselves. */
    public static DataSourceFactory fresh() {
        DataSourceFactory database = new DataSourceFactory();
        if (TestDatabases.current() == TestDatabases.H2) {
            database.setDriverClass("org.h2.Driver");
            database.setUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            database.setUser("sa");
            database.setPassword("");
        } else {
            String name = "dao_" + UUID.randomUUID().toString().replace("-", "");
            PostgresCluster.get().createDatabase(name);
            database.setDriverClass("org.postgresql.Driver");
            database.setUrl(PostgresCluster.get().jdbcUrl(name));
            database.setUser(PostgresCluster.USER);
            database.setPassword(PostgresCluster.PASSWORD);
        }
        return database;
    }

    /**
     * Jdbi on a small pool of connections to {@code database}. Without a pool every handle would
     * open a connection of its own, which on PostgreSQL (a backend process and a SCRAM exchange
     * each) cost more than the statements. Idle connections close after a second, so pools that
     * tests leave behind hold none.
     */
    public static Jdbi jdbi(DataSourceFactory database) {
        DataSourceFactory pool = new DataSourceFactory();
        pool.setDriverClass(database.getDriverClass());
        pool.setUrl(database.getUrl());
        pool.setUser(database.getUser());
        pool.setPassword(database.getPassword());
        pool.setInitialSize(0);
        pool.setMinSize(0);
        pool.setMaxSize(8);
        pool.setMinIdleTime(Duration.seconds(1));
        pool.setEvictionInterval(Duration.seconds(1));
        Jdbi jdbi = Jdbi.create(pool.build(new MetricRegistry(), "test-" + UUID.randomUUID()));
        SqlObjects.install(jdbi, CraftlineDaos.ALL);
        return jdbi;
    }
}
