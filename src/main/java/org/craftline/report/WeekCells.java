package org.craftline.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Adds a team's worker-days and worker-day tools up into the cells of its weeks, as they are
 * published ({@link TeamPublisher}). Plain Java, no database: every privacy rule of a cell is here.
 *
 * <ul>
 *   <li>A week is shown when at least {@code minGroupSize} distinct workers logged in it; a hidden
 *       week keeps no figures at all.</li>
 *   <li>Its figures are sums over its worker-days ({@link TeamSums}), which pool everyone.</li>
 *   <li>A tool is shown in a shown week when at least {@code minGroupSize} of its workers used it,
 *       and only while the week's minutes outside the shown tools (total minus tools, which anyone
 *       can subtract) come from none or at least {@code minGroupSize} workers; otherwise the
 *       smallest shown tool is hidden too, until they do.</li>
 * </ul>
 */
final class WeekCells {

    /** A published week with the tools shown in it. */
    record Cell(TeamWeek week, List<TeamToolCell> tools) {
    }

    private final Map<LocalDate, Week> weeks = new TreeMap<>();

    void addDay(WorkerDayFigures day) {
        weeks.computeIfAbsent(TeamCalendar.weekStart(day.workDate()), start -> new Week()).add(day);
    }

    void addTool(LocalDate day, long workerId, String tool, int minutes, int craftMinutes) {
        weeks.computeIfAbsent(TeamCalendar.weekStart(day), start -> new Week())
                .addTool(workerId, tool, minutes, craftMinutes);
    }

    /** The cells of every week anyone logged in, in time order, as published on {@code publishedOn}. */
    List<Cell> publish(int minGroupSize, LocalDate publishedOn) {
        List<Cell> cells = new ArrayList<>();
        weeks.forEach((start, week) -> {
            if (!week.workerMinutes.isEmpty()) {
                cells.add(week.cell(start, publishedOn, minGroupSize));
            }
        });
        return cells;
    }

    private static final class Week {
        private final Map<Long, Long> workerMinutes = new HashMap<>();
        private final Map<String, Tool> tools = new HashMap<>();
        private TeamSums sums = TeamSums.NONE;

        void add(WorkerDayFigures day) {
            workerMinutes.merge(day.workerId(), (long) day.minutes(), Long::sum);
            sums = sums.plus(TeamSums.of(day));
        }

        void addTool(long workerId, String name, int minutes, int craftMinutes) {
            Tool tool = tools.computeIfAbsent(name, Tool::new);
            tool.workerMinutes.merge(workerId, (long) minutes, Long::sum);
            tool.minutes += minutes;
            tool.craftMinutes += craftMinutes;
        }

        Cell cell(LocalDate start, LocalDate publishedOn, int minGroupSize) {
            int workers = workerMinutes.size();
            if (workers < minGroupSize) {
                return new Cell(new TeamWeek(start, publishedOn, workers, null, null, null, null, null, null, null,
                        null), List.of());
            }
            TeamWeek week = sums.week(start, publishedOn, workers);
            List<TeamToolCell> shown = shownTools(minGroupSize).stream()
                    .sorted(Comparator.comparing(tool -> tool.name))
                    .map(tool -> new TeamToolCell(start, tool.name, tool.workerMinutes.size(), tool.minutes,
                            tool.craftMinutes))
                    .toList();
            return new Cell(week, shown);
        }

        private List<Tool> shownTools(int minGroupSize) {
            List<Tool> shown = new ArrayList<>(tools.values().stream()
                    .filter(tool -> tool.workerMinutes.size() >= minGroupSize)
                    .sorted(Comparator.comparingLong((Tool tool) -> tool.minutes).thenComparing(tool -> tool.name))
                    .toList());
            while (!shown.isEmpty()) {
                int rest = workersOutside(shown);
                if (rest == 0 || rest >= minGroupSize) {
                    break;
                }
                shown.remove(0);
            }
            return shown;
        }

        /** The workers with minutes in none of {@code shown}: those behind the week's total minus the tools. */
        private int workersOutside(List<Tool> shown) {
            Set<Long> outside = new HashSet<>();
            workerMinutes.forEach((worker, total) -> {
                long inShown = 0;
                for (Tool tool : shown) {
                    inShown += tool.workerMinutes.getOrDefault(worker, 0L);
                }
                if (inShown < total) {
                    outside.add(worker);
                }
            });
            return outside.size();
        }
    }

    private static final class Tool {
        private final String name;
        private final Map<Long, Long> workerMinutes = new HashMap<>();
        private long minutes;
        private long craftMinutes;

        Tool(String name) {
            this.name = name;
        }
    }
}
