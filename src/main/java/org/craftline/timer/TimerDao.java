package org.craftline.timer;

import java.time.Instant;
import java.util.Optional;
import org.craftline.step.Mode;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Every statement on {@code timers}. */
@RegisterConstructorMapper(TimerDao.Running.class)
public interface TimerDao {

    /** A running timer as stored. */
    record Running(String activity, Mode mode, String tool, Instant startedAt) {
    }

    @SqlQuery("SELECT activity, mode, tool, started_at FROM timers WHERE worker_id = :workerId")
    Optional<Running> find(long workerId);

    /** The running timer, its row locked until the transaction ends: a stop and a switch take turns. */
    @SqlQuery("SELECT activity, mode, tool, started_at FROM timers WHERE worker_id = :workerId FOR UPDATE")
    Optional<Running> lock(long workerId);

    @SqlUpdate("""
            INSERT INTO timers (worker_id, activity, mode, tool, started_at)
            VALUES (:workerId, :activity, :mode, :tool, :startedAt)
            """)
    void insert(long workerId, String activity, Mode mode, String tool, Instant startedAt);

    @SqlUpdate("DELETE FROM timers WHERE worker_id = :workerId")
    int delete(long workerId);
}
