package org.craftline.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.craftline.event.EventDao;
import org.craftline.report.EventEffect.Kind;
import org.craftline.report.EventEffect.Marker;
import org.craftline.worker.Worker;

/**
 * Assembles a deskilling report: the database's per-period figures, then the trend, change points,
 * before/after comparisons and tools computed from them.
 */
public final class ReportService {

    private final ReportDao reports;
    private final EventDao events;
    private final int minGroupSize;
    private final PeriodCache periods;

    /** @param cachedPeriods team periods kept added up between reports ({@link PeriodCache}); 0 keeps none */
    public ReportService(ReportDao reports, EventDao events, int minGroupSize, long cachedPeriods) {
        this.reports = reports;
        this.events = events;
        this.minGroupSize = minGroupSize;
        this.periods = new PeriodCache(cachedPeriods);
    }

    /** What a report covers. */
    record Range(LocalDate from, LocalDate to, Bucket bucket, int window) {

        List<Period> periods() {
            return Period.covering(bucket, from, to);
        }
    }

    DeskillingReport forWorker(Worker worker, Range range) {
        List<Marker> recorded = events.listByWorker(worker.id()).stream()
                .map(e -> new Marker(e.date(), e.label(), e.tool(), Kind.RECORDED))
                .toList();
        return assemble(new DeskillingReport.Subject(worker.handle(), null), Scope.worker(worker.id()), 1, recorded,
                range);
    }

    /**
     * A team's report: periods with fewer than the minimum group of distinct workers are suppressed,
     * and so are tools used by fewer; individual workers' recorded events are not shown.
     */
    DeskillingReport forTeam(String team, Range range) {
        return assemble(new DeskillingReport.Subject(null, team), Scope.team(team), minGroupSize, List.of(), range);
    }

    private DeskillingReport assemble(DeskillingReport.Subject subject, Scope scope, int groupSize,
                                      List<Marker> recorded, Range range) {
        List<Period> periods = range.periods();
        // One worker's year is 365 rows, read as fast as its month versions; a team's is 365 per worker.
        List<PeriodTotals> totals = scope.team() ? this.periods.totals(reports, scope, periods)
                : reports.periodTotals(scope, periods);
        List<PeriodSummary> series = Series.of(periods, totals, groupSize);
        Shares shares = Shares.of(series);
        List<ToolUse> tools = reports.tools(scope, Series.firstDay(periods), Series.lastDay(periods)).stream()
                .filter(tool -> tool.workers() >= groupSize)
                .toList();
        // A tool first used before anything else was logged says only when logging began.
        List<EventEffect> effects = markers(recorded, tools, periods).stream()
                .map(marker -> EventEffect.measure(marker, series, range.window()))
                .filter(effect -> effect.kind() == Kind.RECORDED || effect.periodsBefore() > 0)
                .toList();
        return new DeskillingReport(subject, range.from(), range.to(), range.bucket(), range.window(), series,
                Trend.of(shares.values()), ChangePoint.detect(series, shares), effects, tools);
    }

    /**
     * Recorded events and each tool's first use, inside the report's periods and in date order. A
     * tool's first use is left out when a recorded event already names that tool.
     */
    private static List<Marker> markers(List<Marker> recorded, List<ToolUse> tools, List<Period> periods) {
        LocalDate first = Series.firstDay(periods);
        LocalDate last = Series.lastDay(periods);
        Set<String> toolsWithEvents = recorded.stream().filter(m -> m.tool() != null)
                .map(m -> m.tool().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<Marker> markers = new ArrayList<>(recorded);
        for (ToolUse tool : tools) {
            if (!toolsWithEvents.contains(tool.tool().toLowerCase(Locale.ROOT))) {
                markers.add(new Marker(tool.firstUsed(), "first used " + tool.tool(), tool.tool(), Kind.FIRST_USE));
            }
        }
        return markers.stream()
                .filter(m -> !m.date().isBefore(first) && !m.date().isAfter(last))
                .sorted(Comparator.comparing(Marker::date).thenComparing(Marker::label))
                .toList();
    }
}
