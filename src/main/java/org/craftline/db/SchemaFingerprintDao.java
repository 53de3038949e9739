package org.craftline.db;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The changelog fingerprint a database was last migrated with ({@link SchemaFingerprint}), and what
 * Liquibase's own tables say now. Unquoted names: H2 folds them to Liquibase's upper case,
 * PostgreSQL to its lower case.
 */
public interface SchemaFingerprintDao {

    @SqlQuery("SELECT sha256 FROM schema_fingerprint WHERE id = 1 AND changesets = :changesets")
    Optional<String> recorded(@Bind("changesets") int changesets);

    @SqlQuery("SELECT COUNT(*) FROM databasechangelog")
    int changeSetsRun();

    /** Whether a migration holds Liquibase's lock now (another instance starting, or one killed mid-way). */
    @SqlQuery("SELECT COUNT(*) > 0 FROM databasechangeloglock WHERE locked")
    boolean migrationUnderWay();

    @SqlUpdate("DELETE FROM schema_fingerprint")
    void forget();

    @SqlUpdate("INSERT INTO schema_fingerprint (id, sha256, changesets) VALUES (1, :sha256, :changesets)")
    void record(@Bind("sha256") String sha256, @Bind("changesets") int changesets);
}
