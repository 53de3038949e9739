package org.craftline.rules;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(RuleDao.StoredRules.class)
public interface RuleDao {

    /** The rules as stored: JSON of a {@link RuleSet}, and its version. */
    record StoredRules(String rules, int version) {
    }

    @SqlQuery("SELECT rules, version FROM worker_rules WHERE worker_id = :workerId")
    Optional<StoredRules> find(long workerId);

    @SqlUpdate("""
            INSERT INTO worker_rules (worker_id, rules, version, updated_at)
            VALUES (:workerId, :rules, 1, :now)
            """)
    void insert(long workerId, String rules, Instant now);

    @SqlUpdate("""
            UPDATE worker_rules SET rules = :rules, version = version + 1, updated_at = :now
            WHERE worker_id = :workerId
            """)
    void update(long workerId, String rules, Instant now);
}
