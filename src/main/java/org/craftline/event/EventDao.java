package org.craftline.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Event.class)
public interface EventDao {

    String SELECT_EVENT = """
            SELECT e.id, e.worker_id, w.handle AS worker, e.event_date AS date, e.label, e.tool, e.created_at
            FROM events e
            JOIN workers w ON w.id = e.worker_id
            """;

    @SqlUpdate("""
            INSERT INTO events (worker_id, event_date, label, tool, created_at)
            VALUES (:workerId, :date, :label, :tool, :createdAt)
            """)
    @GetGeneratedKeys("id")
    long insert(long workerId, LocalDate date, String label, String tool, Instant createdAt);

    @SqlQuery(SELECT_EVENT + "WHERE e.id = :id")
    Optional<Event> findById(long id);

    @SqlQuery(SELECT_EVENT + "WHERE e.worker_id = :workerId ORDER BY e.event_date, e.id")
    List<Event> listByWorker(long workerId);

    @SqlQuery("SELECT COUNT(*) FROM events WHERE worker_id = :workerId")
    int countByWorker(long workerId);

    @SqlQuery(SELECT_EVENT + "ORDER BY e.event_date, e.id")
    List<Event> listAll();

    @SqlUpdate("DELETE FROM events WHERE id = :id")
    int delete(long id);
}
