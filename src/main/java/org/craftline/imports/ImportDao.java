package org.craftline.imports;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.craftline.db.JdbcBatches;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Every statement on {@code import_rows}. */
public interface ImportDao extends SqlObject {

    /** Every row the worker has imported: 16 bytes each, one read instead of a query per chunk of the file. */
    @SqlQuery("SELECT fingerprint FROM import_rows WHERE worker_id = :workerId")
    Set<UUID> imported(long workerId);

    /** Remembers rows, in plain JDBC batches ({@link JdbcBatches}). */
    default void remember(long workerId, List<ImportedFingerprint> rows, String source, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        JdbcBatches.execute(getHandle(), """
                INSERT INTO import_rows (worker_id, fingerprint, task_id, source, imported_at)
                VALUES (?, ?, ?, ?, ?)
                """, rows, (insert, row) -> {
                    insert.setLong(1, workerId);
                    insert.setObject(2, row.fingerprint());
                    insert.setLong(3, row.taskId());
                    insert.setString(4, source);
                    insert.setObject(5, at);
                });
    }

    /** A row's fingerprint and the task it went into. */
    record ImportedFingerprint(UUID fingerprint, long taskId) {
    }
}
