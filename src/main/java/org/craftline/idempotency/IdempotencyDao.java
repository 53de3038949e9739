package org.craftline.idempotency;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Every statement on {@code idempotency_keys}. */
@RegisterConstructorMapper(IdempotencyDao.StoredKey.class)
public interface IdempotencyDao {

    @SqlQuery("""
            SELECT fingerprint, status, location, etag, body, expires_at
            FROM idempotency_keys
            WHERE scope = :scope AND idem_key = :key
            """)
    Optional<StoredKey> find(String scope, String key);

    @SqlUpdate("DELETE FROM idempotency_keys WHERE scope = :scope AND idem_key = :key")
    void delete(String scope, String key);

    @SqlUpdate("""
            INSERT INTO idempotency_keys (scope, idem_key, fingerprint, status, location, etag, body, created_at,
                                          expires_at)
            VALUES (:scope, :key, :fingerprint, :a.status, :a.location, :a.etag, :a.body, :now, :expiresAt)
            """)
    void insert(String scope, String key, String fingerprint, @BindMethods("a") StoredAnswer answer, Instant now,
                Instant expiresAt);

    @SqlUpdate("DELETE FROM idempotency_keys WHERE expires_at <= :now")
    int purgeExpired(Instant now);

    /** A key's row: the request it was first used with (as a fingerprint), and the answer that got. */
    record StoredKey(String fingerprint, int status, String location, String etag, String body, Instant expiresAt) {

        StoredAnswer answer() {
            return new StoredAnswer(status, location, etag, body);
        }
    }
}
