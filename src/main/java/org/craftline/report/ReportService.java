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
    private final TeamCellDao teamCells;
    /** Markers (recorded events and first uses) one report shows and measures at most. */
    static final int MAX_MARKERS = 50;
    /** Tools one report lists at most, the most used first. */
    static final int MAX_TOOLS = 50;

    private final EventDao events;
    private final TeamPublisher publisher;

    public ReportService(ReportDao reports, TeamCellDao teamCells, EventDao events, TeamPublisher publisher) {
        this.reports = reports;
        this.teamCells = teamCells;
        this.events = events;
        this.publisher = publisher;
    }

    /** What a report covers. */
    record Range(LocalDate from, LocalDate to, Bucket bucket, int window) {

        List<Period> periods() {
            return Period.covering(bucket, from, to);
        }
    }

    /** One worker's own report: always live, every period and tool as logged, with their recorded events. */
    DeskillingReport forWorker(Worker worker, Range range) {
        List<Marker> recorded = events.listByWorker(worker.id()).stream()
                .map(e -> new Marker(e.date(), e.label(), e.tool(), Kind.RECORDED))
                .toList();
        List<Period> periods = range.periods();
        List<PeriodSummary> series = Series.of(periods, reports.periodTotals(worker.id(), periods));
        List<ToolUse> tools = reports.tools(worker.id(), Series.firstDay(periods), Series.lastDay(periods));
        return assemble(new DeskillingReport.Subject(worker.handle(), null), periods, series, tools, recorded, range,
                null);
    }

    /**
     * A team's report, made only of published cells ({@link TeamPublisher}, {@link TeamSeries}):
     * weeks (and months of whole weeks) with too few workers are suppressed, so are tools too few
     * used, and individual workers' recorded events are not shown.
     */
    DeskillingReport forTeam(String team, Range range) {
        publisher.publishDue(team);
        List<Period> periods = TeamCalendar.covering(range.bucket(), range.from(), range.to());
        TeamSeries.Result cells = TeamSeries.read(teamCells, publisher, team, range.bucket(), periods);
        return assemble(new DeskillingReport.Subject(null, team), periods, cells.series(), cells.tools(), List.of(),
                range, DeskillingReport.TeamPrivacy.of(publisher.minGroupSize(), publisher.graceDays()));
    }

    private static DeskillingReport assemble(DeskillingReport.Subject subject, List<Period> periods,
                                             List<PeriodSummary> series, List<ToolUse> allTools, List<Marker> recorded,
                                             Range range, DeskillingReport.TeamPrivacy privacy) {
        Shares shares = Shares.of(series);
        Trend trend = Trend.of(shares.values(), range.bucket());
        List<ToolUse> tools = allTools.subList(0, Math.min(MAX_TOOLS, allTools.size()));
        // A tool first used before anything else was logged says only when logging began.
        List<Marker> markers = markers(recorded, tools, periods).stream()
                .filter(marker -> marker.kind() == Kind.RECORDED || EventEffect.hasSharesBefore(marker, series))
                .toList();
        List<Marker> shown = boundedMarkers(markers);
        List<EventEffect> effects = EventEffect.measure(shown, series, range.window(), trend.lag1Autocorrelation());
        return new DeskillingReport(subject, range.from(), range.to(), range.bucket(), range.window(), series,
                trend, ChangePoint.detect(series, shares), effects, tools, privacy,
                DeskillingReport.Omitted.of(markers.size() - shown.size(), allTools.size() - tools.size()));
    }

    /**
     * At most {@link #MAX_MARKERS}, recorded events before first uses, each kind in date order; the
     * result in date order again. One worker's thousand markers would otherwise cost every one of
     * their reports a thousand comparisons, labels and JSON objects.
     */
    private static List<Marker> boundedMarkers(List<Marker> markers) {
        if (markers.size() <= MAX_MARKERS) {
            return markers;
        }
        return markers.stream()
                .sorted(Comparator.comparing((Marker marker) -> marker.kind() != Kind.RECORDED))
                .limit(MAX_MARKERS)
                .sorted(Comparator.comparing(Marker::date).thenComparing(Marker::label))
                .toList();
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
