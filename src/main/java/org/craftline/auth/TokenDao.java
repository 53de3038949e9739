package org.craftline.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.craftline.access.Caller;
import org.craftline.access.Role;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Caller.class)
@RegisterConstructorMapper(TokenView.class)
@RegisterConstructorMapper(TokenDao.TokenOwner.class)
public interface TokenDao {

    @SqlUpdate("""
            INSERT INTO api_tokens (worker_id, role, token_hash, prefix, label, created_at, expires_at)
            VALUES (:workerId, :role, :tokenHash, :prefix, :label, :createdAt, :expiresAt)
            """)
    @GetGeneratedKeys("id")
    long insert(Long workerId, Role role, String tokenHash, String prefix, String label, Instant createdAt,
                Instant expiresAt);

    /** The caller a token stands for, if it is neither unknown, revoked nor expired. Served by the hash's unique index. */
    @SqlQuery("""
            SELECT t.id AS token_id, t.worker_id, w.handle, t.role
            FROM api_tokens t
            LEFT JOIN workers w ON w.id = t.worker_id
            WHERE t.token_hash = :tokenHash
              AND t.revoked_at IS NULL
              AND (t.expires_at IS NULL OR t.expires_at > :now)
            """)
    Optional<Caller> findCaller(String tokenHash, Instant now);

    @SqlQuery("SELECT id FROM api_tokens WHERE token_hash = :tokenHash")
    Optional<Long> findIdByHash(String tokenHash);

    @SqlQuery("""
            SELECT COUNT(*) FROM api_tokens
            WHERE role = 'ADMIN' AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)
            """)
    int countUsableAdminTokens(Instant now);

    /** Tokens of the worker that still work: neither revoked nor expired. */
    @SqlQuery("""
            SELECT COUNT(*) FROM api_tokens
            WHERE worker_id = :workerId AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)
            """)
    int countActive(long workerId, Instant now);

    @SqlQuery("""
            SELECT id, prefix, role, label, created_at, expires_at, revoked_at
            FROM api_tokens
            WHERE worker_id = :workerId
            ORDER BY id
            """)
    List<TokenView> listByWorker(long workerId);

    @SqlQuery("SELECT id, worker_id FROM api_tokens WHERE id = :id")
    Optional<TokenOwner> findOwner(long id);

    /** Who a token belongs to; {@code workerId} is null for the bootstrap admin token. */
    record TokenOwner(long id, Long workerId) {
    }

    @SqlUpdate("UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
    int revoke(long id, Instant now);

    /** Makes a token a usable admin token again, for the operator's CRAFTLINE_ADMIN_TOKEN. */
    @SqlUpdate("UPDATE api_tokens SET role = 'ADMIN', revoked_at = NULL, expires_at = NULL WHERE id = :id")
    void restoreAsAdmin(long id);
}
