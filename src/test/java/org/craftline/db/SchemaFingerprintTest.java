package org.craftline.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import java.util.List;
import org.craftline.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A start leaves Liquibase out only when the database was migrated with this very changelog: the
 * fingerprint matches, as many changesets are recorded as then, and no migration holds the lock.
 * Any other database gets Liquibase's full run, which records the fingerprint again.
 */
class SchemaFingerprintTest {

    private static boolean migrate(DataSourceFactory database) throws Exception {
        return Migrations.apply(database, new MetricRegistry());
    }

    private static String recorded(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT sha256 FROM schema_fingerprint").mapTo(String.class)
                .one());
    }

    @Test
    void aDatabaseMigratedWithThisChangelog_skipsLiquibase_andAnEmptyOneDoesNot() throws Exception {
        DataSourceFactory database = TestDatabase.fresh();

        assertThat(migrate(database)).as("an empty database").isTrue();
        Jdbi jdbi = TestDatabase.jdbi(database);
        assertThat(recorded(jdbi)).isEqualTo(SchemaFingerprint.of(Migrations.CHANGELOG));
        assertThat(migrate(database)).as("the same changelog again").isFalse();
    }

    @Test
    void anotherFingerprint_orAChangesetMoreOrLess_runLiquibase_andSoDoesALockHeld() throws Exception {
        DataSourceFactory database = TestDatabase.fresh();
        migrate(database);
        Jdbi jdbi = TestDatabase.jdbi(database);
        String fingerprint = SchemaFingerprint.of(Migrations.CHANGELOG);

        for (String tampering : List.of("UPDATE schema_fingerprint SET sha256 = 'another changelog'",
                "UPDATE schema_fingerprint SET changesets = changesets - 1")) {
            jdbi.useHandle(handle -> handle.execute(tampering));
            assertThat(SchemaFingerprint.isCurrent(jdbi, fingerprint)).as(tampering).isFalse();
            assertThat(migrate(database)).as("Liquibase runs after: " + tampering).isTrue();
            assertThat(recorded(jdbi)).isEqualTo(fingerprint);
            assertThat(migrate(database)).isFalse();
        }
        // Another instance migrating now: Liquibase (which waits for the lock) has the last word.
        jdbi.useHandle(handle -> handle.execute("UPDATE databasechangeloglock SET locked = TRUE"));
        assertThat(SchemaFingerprint.isCurrent(jdbi, fingerprint)).as("lock held").isFalse();
        jdbi.useHandle(handle -> handle.execute("UPDATE databasechangeloglock SET locked = FALSE"));
        assertThat(SchemaFingerprint.isCurrent(jdbi, fingerprint)).isTrue();
    }

    @Test
    void aDatabaseFromBeforeTheFingerprint_isMigratedTheFullWay() throws Exception {
        DataSourceFactory database = TestDatabase.fresh();
        List<String> changeSets = Migrations.changeSetIds(database);
        TestDatabase.migrate(database, changeSets.indexOf("013-create-schema-fingerprint"));

        assertThat(migrate(database)).isTrue();
        assertThat(recorded(TestDatabase.jdbi(database))).isEqualTo(SchemaFingerprint.of(Migrations.CHANGELOG));
    }

    @Test
    void theFingerprint_coversTheFilesTheChangelogIncludes() {
        String a = SchemaFingerprint.of("fingerprint/a/changelog.xml");

        assertThat(a).hasSize(64).isEqualTo(SchemaFingerprint.of("fingerprint/a/changelog.xml"));
        assertThat(SchemaFingerprint.of("fingerprint/b/changelog.xml")).as("the same changelog, one included file changed")
                .isNotEqualTo(a);
    }
}
