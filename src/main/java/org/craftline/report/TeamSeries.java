package org.craftline.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A team report's series and tools, made only of published cells: a period's figures are sums of
 * its shown weeks, a range's tool totals sums of the shown weekly tool cells, and a tool's first use
 * the first period in which it was shown. So every number a team report holds is a sum of cells
 * that each count at least the minimum group of workers, and stays what it was once published.
 *
 * <p>The reader's minimum group is today's {@code privacy.minGroupSize}: raised since a week was
 * published, a week with fewer workers is hidden, and so are all its tools when any of them had
 * fewer (the rest would then leave a smaller group's minutes to subtraction).
 */
final class TeamSeries {

    record Result(List<PeriodSummary> series, List<ToolUse> tools) {
    }

    private final TeamPublisher publisher;
    private final boolean hasMembers;
    private final List<TeamCellDao.Publication> publications;
    private final Map<LocalDate, TeamWeek> weeks = new HashMap<>();
    private final Map<LocalDate, List<TeamToolCell>> tools = new HashMap<>();

    private TeamSeries(TeamPublisher publisher, boolean hasMembers, List<TeamCellDao.Publication> publications,
                       List<TeamWeek> weeks, List<TeamToolCell> tools) {
        this.publisher = publisher;
        this.hasMembers = hasMembers;
        this.publications = publications;
        weeks.forEach(week -> this.weeks.put(week.weekStart(), week));
        tools.forEach(tool -> this.tools.computeIfAbsent(tool.weekStart(), start -> new ArrayList<>()).add(tool));
    }

    /** Reads the team's published cells for {@code periods} (team periods: whole ISO weeks). */
    static Result read(TeamCellDao cells, TeamPublisher publisher, String team, Bucket bucket, List<Period> periods) {
        LocalDate first = Series.firstDay(periods);
        LocalDate last = Series.lastDay(periods);
        TeamSeries reader = new TeamSeries(publisher, cells.countMemberships(team) > 0, cells.listPublications(team),
                cells.listWeeks(team, first, last), cells.listTools(team, first, last));
        List<PeriodSummary> series = periods.stream().map(reader::summary).toList();
        Map<String, LocalDate> firstWeeks = cells.firstShownWeeks(team, last, publisher.minGroupSize());
        return new Result(series, reader.tools(periods, bucket, firstWeeks));
    }

    private PeriodSummary summary(Period period) {
        LocalDate publishesOn = null;
        LocalDate published = null;
        List<TeamWeek> shown = new ArrayList<>();
        for (LocalDate week : TeamCalendar.weeks(period)) {
            LocalDate publishedOn = publishedOn(week);
            if (publishedOn == null) {
                if (!hasMembers) {
                    // A team nobody ever belonged to: nothing to show, nothing to wait for.
                    return PeriodSummary.suppressed(period).published(null);
                }
                // Not yet due; or due, on a read-only replica the primary has not published it to yet.
                LocalDate due = publisher.publicationDay(week.plusDays(6));
                due = due.isBefore(publisher.today()) ? publisher.today() : due;
                publishesOn = publishesOn == null || due.isAfter(publishesOn) ? due : publishesOn;
            } else {
                published = published == null || publishedOn.isAfter(published) ? publishedOn : published;
                TeamWeek cell = weeks.get(week);
                if (cell != null && cell.shownTo(publisher.minGroupSize())) {
                    shown.add(cell);
                }
            }
        }
        if (publishesOn != null) {
            return PeriodSummary.pending(period, publishesOn);
        }
        if (shown.isEmpty()) {
            return PeriodSummary.suppressed(period).published(published);
        }
        TeamSums sums = shown.stream().map(TeamSums::of).reduce(TeamSums.NONE, TeamSums::plus);
        return PeriodSummary.of(period, sums.totals(period.start(), publisher.minGroupSize())).published(published);
    }

    /** When the week starting {@code week} was published; null while it is not. */
    private LocalDate publishedOn(LocalDate week) {
        LocalDate end = week.plusDays(6);
        for (TeamCellDao.Publication publication : publications) {
            if (!publication.publishedThrough().isBefore(end)) {
                return publication.publishedOn();
            }
        }
        return null;
    }

    private List<ToolUse> tools(List<Period> periods, Bucket bucket, Map<String, LocalDate> firstWeeks) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (Period period : periods) {
            for (LocalDate week : TeamCalendar.weeks(period)) {
                List<TeamToolCell> cells = tools.getOrDefault(week, List.of());
                if (publishedOn(week) == null || !toolsShown(week, cells)) {
                    continue;
                }
                for (TeamToolCell cell : cells) {
                    long[] sum = sums.computeIfAbsent(cell.tool(), tool -> new long[2]);
                    sum[0] += cell.minutes();
                    sum[1] += cell.craftMinutes();
                }
            }
        }
        List<ToolUse> uses = new ArrayList<>();
        sums.forEach((tool, sum) -> {
            LocalDate firstWeek = firstWeeks.get(tool);
            LocalDate firstUsed = firstWeek == null ? null : TeamCalendar.periodOf(bucket, firstWeek).start();
            uses.add(new ToolUse(tool, sum[0], sum[1], sum[0] - sum[1], firstUsed));
        });
        uses.sort(Comparator.comparingLong(ToolUse::minutes).reversed().thenComparing(ToolUse::tool));
        return uses;
    }

    private boolean toolsShown(LocalDate week, List<TeamToolCell> cells) {
        TeamWeek cell = weeks.get(week);
        int minimum = publisher.minGroupSize();
        return cell != null && cell.shownTo(minimum) && cells.stream().allMatch(tool -> tool.workers() >= minimum);
    }
}
