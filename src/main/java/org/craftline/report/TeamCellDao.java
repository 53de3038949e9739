package org.craftline.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The published cells of team reports ({@code team_publications}, {@code team_weeks},
 * {@code team_week_tools}): written once by {@link TeamPublisher}, then only read.
 */
@RegisterConstructorMapper(TeamWeek.class)
@RegisterConstructorMapper(TeamToolCell.class)
@RegisterConstructorMapper(TeamCellDao.Publication.class)
public interface TeamCellDao extends SqlObject {

    /** One publication: every week of the team ending on or before {@code through} is published. */
    record Publication(LocalDate publishedThrough, LocalDate publishedOn, int minGroupSize) {
    }

    @SqlQuery("""
            SELECT published_through, published_on, min_group_size
            FROM team_publications
            WHERE team = :team
            ORDER BY published_through
            """)
    List<Publication> listPublications(String team);

    @SqlQuery("""
            SELECT published_through
            FROM team_publications
            WHERE team = :team
            ORDER BY published_through DESC
            FETCH FIRST 1 ROWS ONLY
            """)
    Optional<LocalDate> findLatestPublished(String team);

    /** Teams published at least once: the ones the scheduled publication keeps up to date. */
    @SqlQuery("SELECT DISTINCT team FROM team_publications")
    List<String> listPublishedTeams();

    /** Whether anyone ever belonged to the team. */
    @SqlQuery("SELECT COUNT(*) FROM team_memberships WHERE team = :team")
    int countMemberships(String team);

    /**
     * Which team a worker's day counts for: the one whose membership {@code m} holds the day
     * {@code d.work_date}. The queries below join {@code team_memberships m} to a day rollup {@code d}
     * and put this at {@code <onMembersDay>}.
     */
    String ON_MEMBERS_DAY = "(m.first_day IS NULL OR d.work_date >= m.first_day) "
            + "AND (m.last_day IS NULL OR d.work_date <= m.last_day)";

    /** The first day anyone logged work while a member of the team. */
    default Optional<LocalDate> findFirstWorkDay(String team) {
        return getHandle().createQuery("""
                        SELECT MIN(d.work_date)
                        FROM team_memberships m JOIN worker_days d ON d.worker_id = m.worker_id
                        WHERE m.team = :team AND d.step_count > 0 AND <onMembersDay>
                        """)
                .define("onMembersDay", ON_MEMBERS_DAY)
                .bind("team", team)
                .mapTo(LocalDate.class)
                .findOne();
    }

    /**
     * Hands every worker-day from {@code first} to {@code last} with work in it, of a worker who was
     * a member of the team on that day, to {@code days}: the team's days as its membership was.
     */
    default void scanMemberDays(String team, LocalDate first, LocalDate last, Consumer<WorkerDayFigures> days) {
        getHandle().createQuery("""
                        SELECT d.work_date, d.worker_id, d.minutes, d.craft_minutes, d.mediation_generated_minutes,
                               d.discretion_prescribed_minutes, d.step_count, d.repeated_minutes, d.activity_count,
                               d.entropy
                        FROM team_memberships m JOIN worker_days d ON d.worker_id = m.worker_id
                        WHERE m.team = :team AND d.work_date BETWEEN :first AND :last AND d.step_count > 0
                          AND <onMembersDay>
                        """)
                .define("onMembersDay", ON_MEMBERS_DAY)
                .bind("team", team)
                .bind("first", first)
                .bind("last", last)
                .scanResultSet((rows, context) -> RollupRows.days(rows.get(), days));
    }

    /** The tool minutes of the same worker-days as {@link #scanMemberDays}. */
    default void scanMemberDayTools(String team, LocalDate first, LocalDate last, RollupRows.ToolDays tools) {
        getHandle().createQuery("""
                        SELECT d.work_date, d.worker_id, d.tool, d.minutes, d.craft_minutes
                        FROM team_memberships m JOIN worker_day_tools d ON d.worker_id = m.worker_id
                        WHERE m.team = :team AND d.work_date BETWEEN :first AND :last AND <onMembersDay>
                        """)
                .define("onMembersDay", ON_MEMBERS_DAY)
                .bind("team", team)
                .bind("first", first)
                .bind("last", last)
                .scanResultSet((rows, context) -> RollupRows.dayTools(rows.get(), tools));
    }

    @SqlUpdate("""
            INSERT INTO team_publications (team, published_through, published_on, min_group_size)
            VALUES (:team, :publishedThrough, :publishedOn, :minGroupSize)
            """)
    void insertPublication(String team, @BindMethods Publication publication);

    @SqlBatch("""
            INSERT INTO team_weeks (team, week_start, published_on, workers, minutes, craft_minutes,
                                    generated_minutes, prescribed_minutes, step_count, repeated_minutes,
                                    worker_days, repertoire_sum)
            VALUES (:team, :weekStart, :publishedOn, :workers, :minutes, :craftMinutes,
                    :generatedMinutes, :prescribedMinutes, :stepCount, :repeatedMinutes,
                    :workerDays, :repertoireSum)
            """)
    void insertWeeks(String team, @BindMethods List<TeamWeek> weeks);

    @SqlBatch("""
            INSERT INTO team_week_tools (team, week_start, tool, workers, minutes, craft_minutes)
            VALUES (:team, :weekStart, :tool, :workers, :minutes, :craftMinutes)
            """)
    void insertTools(String team, @BindMethods List<TeamToolCell> tools);

    @SqlQuery("""
            SELECT week_start, published_on, workers, minutes, craft_minutes, generated_minutes,
                   prescribed_minutes, step_count, repeated_minutes, worker_days, repertoire_sum
            FROM team_weeks
            WHERE team = :team AND week_start BETWEEN :first AND :last
            ORDER BY week_start
            """)
    List<TeamWeek> listWeeks(String team, LocalDate first, LocalDate last);

    @SqlQuery("""
            SELECT week_start, tool, workers, minutes, craft_minutes
            FROM team_week_tools
            WHERE team = :team AND week_start BETWEEN :first AND :last
            ORDER BY week_start, tool
            """)
    List<TeamToolCell> listTools(String team, LocalDate first, LocalDate last);

    /**
     * Each tool's first week shown to a reader with minimum group {@code minGroupSize}, up to
     * {@code last}: a week shown to them, none of whose tools they may not see ({@link TeamSeries}).
     */
    @SqlQuery("""
            SELECT t.tool, MIN(t.week_start) AS first_week
            FROM team_week_tools t
            JOIN team_weeks w ON w.team = t.team AND w.week_start = t.week_start
            WHERE t.team = :team AND t.week_start <= :last AND w.workers >= :minGroupSize
              AND NOT EXISTS (SELECT 1 FROM team_week_tools o
                              WHERE o.team = t.team AND o.week_start = t.week_start AND o.workers < :minGroupSize)
            GROUP BY t.tool
            """)
    @KeyColumn("tool")
    @ValueColumn("first_week")
    Map<String, LocalDate> firstShownWeeks(String team, LocalDate last, int minGroupSize);
}
