package org.craftline.report;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import org.craftline.db.SqlStates;
import org.craftline.db.Transactions;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a team's weeks: once a week has ended and the grace window after it has passed, its
 * cells ({@link WeekCells}) are computed from the members' days and stored, and from then on every
 * team report reads them and nothing else. A week is published once: what is logged, edited or
 * deleted for it later, or who joins or leaves, never changes what was published.
 *
 * <p>A team is first published when its first report is asked for, so that a team can bring its
 * history in (imports) before anyone reads it; after that, {@link #publishAllDue} keeps every
 * published team up to date on a schedule, and each report publishes what is due before it reads.
 * Two instances publishing one team at once collide on the primary keys; the loser's transaction
 * starts again and finds the weeks published.
 */
public final class TeamPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(TeamPublisher.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final int minGroupSize;
    private final int graceDays;

    public TeamPublisher(Jdbi jdbi, Clock clock, int minGroupSize, int graceDays) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.minGroupSize = minGroupSize;
        this.graceDays = graceDays;
    }

    int minGroupSize() {
        return minGroupSize;
    }

    int graceDays() {
        return graceDays;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The day a week ending on {@code weekEnd} is published: the grace window after it has passed. */
    LocalDate publicationDay(LocalDate weekEnd) {
        return weekEnd.plusDays(graceDays + 1L);
    }

    /** The last Sunday whose week may be published today. */
    LocalDate lastDueWeekEnd() {
        return today().minusDays(graceDays + 1L).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
    }

    /**
     * Publishes every week of {@code team} that is due and not yet published; a team without members
     * waits. On a read-only replica nothing can be written: the report shows what the primary has
     * published, and due weeks stay pending until it publishes them.
     */
    void publishDue(String team) {
        LocalDate through = lastDueWeekEnd();
        LocalDate today = today();
        try {
            Transactions.write(jdbi, TransactionIsolationLevel.REPEATABLE_READ, handle -> {
                publish(handle.attach(TeamCellDao.class), team, through, today);
                return null;
            });
        } catch (JdbiException e) {
            if (!SqlStates.isReadOnly(e)) {
                throw e;
            }
            LOG.debug("A read-only database: team weeks are left for the primary to publish");
        }
    }

    /** Publishes what is due for every team published before; one team's failure does not stop the others. */
    public void publishAllDue() {
        List<String> teams;
        try {
            teams = jdbi.onDemand(TeamCellDao.class).listPublishedTeams();
        } catch (RuntimeException e) {
            LOG.warn("Could not list the teams to publish; trying again at the next run: {}", e.toString());
            return;
        }
        for (String team : teams) {
            try {
                publishDue(team);
            } catch (RuntimeException e) {
                LOG.warn("Could not publish the due weeks of a team; trying again at the next run: {}", e.toString());
            }
        }
    }

    private void publish(TeamCellDao cells, String team, LocalDate through, LocalDate today) {
        Optional<LocalDate> latest = cells.findLatestPublished(team);
        if (latest.isPresent() && !latest.get().isBefore(through)) {
            return;
        }
        if (latest.isEmpty() && cells.countMemberships(team) == 0) {
            return;
        }
        LocalDate first = latest.map(end -> end.plusDays(1))
                .or(() -> cells.findFirstWorkDay(team).map(TeamCalendar::weekStart))
                .orElse(through.plusDays(1));
        if (!first.isAfter(through)) {
            WeekCells weeks = new WeekCells();
            cells.scanMemberDays(team, first, through, weeks::addDay);
            cells.scanMemberDayTools(team, first, through, weeks::addTool);
            List<WeekCells.Cell> published = weeks.publish(minGroupSize, today);
            List<TeamToolCell> tools = published.stream().flatMap(cell -> cell.tools().stream()).toList();
            if (!published.isEmpty()) {
                cells.insertWeeks(team, published.stream().map(WeekCells.Cell::week).toList());
            }
            if (!tools.isEmpty()) {
                cells.insertTools(team, tools);
            }
        }
        cells.insertPublication(team, new TeamCellDao.Publication(through, today, minGroupSize));
    }
}
