package org.craftline.worker;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Workers and their team memberships ({@code team_memberships}): {@code workers.team} is the team a
 * worker is in now, the memberships say which team each of their days counts for in team reports.
 */
@RegisterConstructorMapper(Worker.class)
@RegisterConstructorMapper(Team.class)
public interface WorkerDao {

    /**
     * Makes a worker; one made with a team belongs to it from the beginning, so history logged later
     * counts for it. Like every write, in {@code Transactions.write}.
     */
    default long insert(CreateWorkerRequest request, Instant createdAt) {
        long id = insertRow(request, createdAt);
        if (request.team() != null) {
            insertMembership(id, request.team(), null);
        }
        return id;
    }

    @SqlUpdate("""
            INSERT INTO workers (handle, display_name, occupation, onet_soc, team, created_at)
            VALUES (:handle, :displayName, :occupation, :onetSoc, :team, :createdAt)
            """)
    @GetGeneratedKeys("id")
    long insertRow(@BindMethods CreateWorkerRequest request, Instant createdAt);

    /**
     * Moves a worker to {@code team} (null: to no team) from {@code day} on: their days before it
     * keep counting for the teams they were in then. A second move on the same day replaces the first.
     * In {@code Transactions.write}, which the lock needs.
     */
    default void moveToTeam(long workerId, String team, LocalDate day) {
        lockWorker(workerId);
        deleteMembershipFrom(workerId, day);
        endMembership(workerId, day.minusDays(1));
        if (team != null) {
            insertMembership(workerId, team, day);
        }
        updateTeam(workerId, team);
    }

    /** Holds the worker's row until the transaction ends, so that two moves of one worker take turns. */
    @SqlQuery("SELECT id FROM workers WHERE id = :workerId FOR UPDATE")
    long lockWorker(long workerId);

    @SqlUpdate("""
            INSERT INTO team_memberships (worker_id, team, first_day, last_day)
            VALUES (:workerId, :team, :firstDay, NULL)
            """)
    void insertMembership(long workerId, String team, LocalDate firstDay);

    @SqlUpdate("DELETE FROM team_memberships WHERE worker_id = :workerId AND last_day IS NULL AND first_day = :day")
    void deleteMembershipFrom(long workerId, LocalDate day);

    @SqlUpdate("UPDATE team_memberships SET last_day = :lastDay WHERE worker_id = :workerId AND last_day IS NULL")
    void endMembership(long workerId, LocalDate lastDay);

    @SqlUpdate("UPDATE workers SET team = :team WHERE id = :workerId")
    void updateTeam(long workerId, String team);

    @SqlQuery("""
            SELECT id, handle, display_name, occupation, onet_soc, team, created_at
            FROM workers
            WHERE handle = :handle
            """)
    Optional<Worker> findByHandle(String handle);

    /** The workers of those {@code handles} that exist, in no order: a batch's owners in one statement. */
    @SqlQuery("""
            SELECT id, handle, display_name, occupation, onet_soc, team, created_at
            FROM workers
            WHERE handle IN (<handles>)
            """)
    List<Worker> findByHandles(@BindList("handles") Collection<String> handles);

    @SqlQuery("""
            SELECT id, handle, display_name, occupation, onet_soc, team, created_at
            FROM workers
            ORDER BY handle
            """)
    List<Worker> listAll();

    /** Every team workers are in now, with how many are in it, by name. */
    @SqlQuery("""
            SELECT team AS name, CAST(COUNT(*) AS INT) AS members
            FROM workers
            WHERE team IS NOT NULL
            GROUP BY team
            ORDER BY team
            """)
    List<Team> teams();
}
