package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.DropwizardTestSupport;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.craftline.CraftlineConfiguration;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.SettableClock;
import org.craftline.testing.TestApp;

/**
 * The promise of team reports, tried as an attacker would: random teams of 5 to 12, random entries,
 * late entries, edits, deletes, people joining and moving away, while time passes; after every
 * change the attacker collects every team report it may ask for (single weeks, runs of weeks, the
 * months, as JSON and CSV). Then:
 * <ul>
 *   <li>no two collected reports differ on a published period: what a period showed once it shows
 *       forever, in every report and format that holds it;</li>
 *   <li>every number is a sum of cells that each count at least 5 workers: a shown week has at
 *       least 5 workers of the team in it as it was when the week was published, and its figures
 *       are their sums; a shown tool of a week was used by at least 5 of them, and the week's minutes
 *       outside its shown tools come from none or at least 5; a run of weeks, a month and a tools
 *       table are sums of those weeks;</li>
 *   <li>a week is pending, with nothing shown, until its grace window has passed.</li>
 * </ul>
 * The model of who logged what, in which team, is this class's own, not the server's.
 */
class TeamPrivacyProperties {

    private static final int MIN_GROUP = 5;
    private static final int GRACE_DAYS = 14;
    private static final int WEEKS = 6;
    private static final List<String> TOOLS = List.of("Blender", "Krita", "Midjourney");

    private static final SettableClock CLOCK = new SettableClock(LocalDate.parse("2031-01-06"));
    private static DropwizardTestSupport<CraftlineConfiguration> app;

    @BeforeContainer
    static void start() throws Exception {
        app = TestApp.support(TestApp.newDatabaseFile(), Map.of(), CLOCK);
        app.before();
    }

    @AfterContainer
    static void stop() {
        app.after();
    }

    /** One thing that happens to the team between two collections of reports. */
    sealed interface Action permits Log, Edit, Delete, Join, Move, Advance {
    }

    record Log(int worker, int day, int minutes, boolean craft, int tool) implements Action {
    }

    record Edit(int task, int minutes, int tool) implements Action {
    }

    record Delete(int task) implements Action {
    }

    record Join() implements Action {
    }

    record Move(int worker) implements Action {
    }

    record Advance(int days) implements Action {
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Action> log = Combinators.combine(Arbitraries.integers().between(0, 20),
                        Arbitraries.integers().between(0, WEEKS * 7 - 1), Arbitraries.integers().between(10, 200),
                        Arbitraries.of(true, false), Arbitraries.integers().between(0, TOOLS.size()))
                .as(Log::new);
        Arbitrary<Action> edit = Combinators.combine(Arbitraries.integers().between(0, 100),
                Arbitraries.integers().between(10, 200), Arbitraries.integers().between(0, TOOLS.size())).as(Edit::new);
        Arbitrary<Action> delete = Arbitraries.integers().between(0, 100).map(Delete::new);
        Arbitrary<Action> join = Arbitraries.just(new Join());
        Arbitrary<Action> move = Arbitraries.integers().between(0, 20).map(Move::new);
        Arbitrary<Action> advance = Arbitraries.integers().between(1, 20).map(Advance::new);
        return Arbitraries.frequencyOf(Tuple.of(6, log), Tuple.of(2, edit),
                        Tuple.of(2, delete), Tuple.of(1, join),
                        Tuple.of(1, move), Tuple.of(4, advance))
                .list().ofMinSize(6).ofMaxSize(14);
    }

    @Property(tries = 12, shrinking = ShrinkingMode.OFF)
    void teamReports_neverChangeOncePublished_andAreSumsOfCellsOfFive(
            @ForAll @IntRange(min = 5, max = 12) int size,
            @ForAll @IntRange(min = 0, max = 3) int quietMembers,
            @ForAll("actions") List<Action> actions) {
        Scenario scenario = new Scenario(size);
        // Everyone but a few logs in most weeks, so that weeks around the threshold of 5 are common;
        // most in Blender, a few in another tool or none, so that a tool of 5 often leaves 1 or 2 outside.
        for (int member = 0; member < size - Math.min(quietMembers, size - 1); member++) {
            for (int week = 0; week < WEEKS; week++) {
                if ((member + week) % 4 != 3) {
                    int tool = member % 6 == 5 ? 2 + week % 2 : member % 7 == 6 ? 0 : 1;
                    scenario.apply(new Log(member, week * 7 + (member % 5), 60 + member * 7, member % 2 == 0, tool));
                }
            }
        }
        scenario.collectAndCheck();
        for (Action action : actions) {
            scenario.apply(action);
            scenario.collectAndCheck();
        }
        // Let every week be published, and look once more.
        scenario.apply(new Advance(WEEKS * 7 + GRACE_DAYS + 1));
        scenario.collectAndCheck();
    }

    /** One team, the model of its work, and what the attacker has seen of it. */
    private static final class Scenario {
        private final TeamFixture team;
        private final LocalDate firstMonday;
        private final List<Task> tasks = new ArrayList<>();
        /** Per worker: from which day their days count for which team (null: another team). */
        private final Map<String, TreeMap<LocalDate, Boolean>> moves = new HashMap<>();
        /** What each week was when first seen published: the model's cell, and the week's report. */
        private final Map<Integer, Cell> publishedCells = new HashMap<>();
        private final Map<Integer, JsonNode> publishedWeeks = new HashMap<>();
        /** Every report collected whose periods were all published, by its request. */
        private final Map<String, String> settled = new HashMap<>();

        private record Task(long id, String worker, LocalDate day, int minutes, boolean craft, String tool,
                            String etag) {
        }

        /** What the model says a week of the team held when it was published. */
        private record Cell(Set<String> workers, long minutes, long craftMinutes,
                            Map<String, Map<String, Long>> toolMinutesByWorker, Map<String, Long> minutesByWorker) {
        }

        Scenario(int size) {
            team = new TeamFixture(new Http(app.getLocalPort()).as(TestApp.ADMIN_TOKEN), size);
            // A fresh Monday, after every week an earlier try used.
            CLOCK.advance(Duration.ofDays(WEEKS * 7 + GRACE_DAYS + 30));
            while (CLOCK.today().getDayOfWeek() != DayOfWeek.MONDAY) {
                CLOCK.advance(Duration.ofDays(1));
            }
            firstMonday = CLOCK.today();
        }

        void apply(Action action) {
            if (action instanceof Log log) {
                log(team.members.get(log.worker() % team.members.size()), firstMonday.plusDays(log.day()),
                        log.minutes(), log.craft(), tool(log.tool()));
            } else if (action instanceof Edit edit) {
                edit(edit);
            } else if (action instanceof Delete delete) {
                delete(delete);
            } else if (action instanceof Join) {
                team.join();
            } else if (action instanceof Move move) {
                move(team.members.get(move.worker() % team.members.size()));
            } else if (action instanceof Advance advance) {
                CLOCK.advance(Duration.ofDays(advance.days()));
            }
        }

        private static String tool(int index) {
            return index == 0 ? null : TOOLS.get(index - 1);
        }

        private void log(String worker, LocalDate day, int minutes, boolean craft, String tool) {
            Http.Reply reply = team.admin.post("/api/tasks", Http.json(Payloads.task(worker, day.toString(),
                    step(minutes, craft, tool))));
            if (reply.status() == 422) {
                return; // over 1,440 minutes on the day: nothing was written
            }
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            tasks.add(new Task(reply.json().path("id").asLong(), worker, day, minutes, craft, tool, reply.header("ETag")));
        }

        private static Map<String, Object> step(int minutes, boolean craft, String tool) {
            Map<String, Object> step = Payloads.step(craft ? "sculpt" : "bake", minutes, craft ? "CRAFT" : "EXECUTION");
            if (tool != null) {
                step.put("tool", tool);
            }
            return step;
        }

        private void edit(Edit edit) {
            if (tasks.isEmpty()) {
                return;
            }
            int index = edit.task() % tasks.size();
            Task task = tasks.get(index);
            Http.Reply reply = team.admin.put("/api/tasks/" + task.id(), Http.json(Payloads.task(task.worker(),
                    task.day().toString(), step(edit.minutes(), !task.craft(), tool(edit.tool())))), task.etag());
            if (reply.status() == 422) {
                return;
            }
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            tasks.set(index, new Task(task.id(), task.worker(), task.day(), edit.minutes(), !task.craft(),
                    tool(edit.tool()), reply.header("ETag")));
        }

        private void delete(Delete delete) {
            if (tasks.isEmpty()) {
                return;
            }
            Task task = tasks.remove(delete.task() % tasks.size());
            assertThat(team.admin.delete("/api/tasks/" + task.id()).status()).isEqualTo(204);
        }

        /** Moves a member out of the team, or back in, from today. */
        private void move(String worker) {
            boolean inTeamNow = inTeam(worker, CLOCK.today());
            String to = inTeamNow ? "elsewhere-" + team.team.substring(5) : team.team;
            Http.Reply reply = team.admin.put("/api/workers/" + worker + "/team", "{\"team\":\"" + to + "\"}", null);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            moves.computeIfAbsent(worker, w -> new TreeMap<>()).put(CLOCK.today(), !inTeamNow);
        }

        private boolean inTeam(String worker, LocalDate day) {
            TreeMap<LocalDate, Boolean> history = moves.get(worker);
            if (history == null) {
                return true;
            }
            Map.Entry<LocalDate, Boolean> move = history.floorEntry(day);
            return move == null || move.getValue();
        }

        private LocalDate monday(int week) {
            return firstMonday.plusWeeks(week);
        }

        private boolean due(int week) {
            return !CLOCK.today().isBefore(monday(week).plusDays(6 + GRACE_DAYS + 1));
        }

        /** The model's week as the team's members logged it, today. */
        private Cell modelCell(int week) {
            Set<String> workers = new HashSet<>();
            Map<String, Long> minutesByWorker = new HashMap<>();
            Map<String, Map<String, Long>> tools = new HashMap<>();
            long minutes = 0;
            long craft = 0;
            for (Task task : tasks) {
                if (task.day().isBefore(monday(week)) || task.day().isAfter(monday(week).plusDays(6))
                        || !inTeam(task.worker(), task.day())) {
                    continue;
                }
                workers.add(task.worker());
                minutes += task.minutes();
                craft += task.craft() ? task.minutes() : 0;
                minutesByWorker.merge(task.worker(), (long) task.minutes(), Long::sum);
                if (task.tool() != null) {
                    tools.computeIfAbsent(task.tool(), t -> new HashMap<>()).merge(task.worker(), (long) task.minutes(),
                            Long::sum);
                }
            }
            return new Cell(workers, minutes, craft, tools, minutesByWorker);
        }

        void collectAndCheck() {
            String to = monday(WEEKS - 1).plusDays(6).toString();
            Map<String, Http.Reply> reports = new LinkedHashMap<>();
            for (int week = 0; week < WEEKS; week++) {
                reports.put("week " + week, team.report(monday(week).toString(), monday(week).plusDays(6).toString(),
                        "week", "json"));
            }
            for (int[] run : new int[][] {{0, WEEKS - 1}, {0, 2}, {1, 4}, {3, WEEKS - 1}}) {
                reports.put("weeks " + run[0] + "-" + run[1], team.report(monday(run[0]).toString(),
                        monday(run[1]).plusDays(6).toString(), "week", "json"));
            }
            reports.put("months", team.report(monday(0).toString(), to, "month", "json"));
            reports.put("weeks csv", team.report(monday(0).toString(), to, "week", "csv"));
            reports.put("months csv", team.report(monday(0).toString(), to, "month", "csv"));

            Map<Integer, JsonNode> weeks = new HashMap<>();
            for (int week = 0; week < WEEKS; week++) {
                JsonNode report = reports.get("week " + week).json();
                weeks.put(week, report);
                if (due(week) && !publishedCells.containsKey(week)) {
                    publishedCells.put(week, modelCell(week));
                    publishedWeeks.put(week, report);
                }
            }
            for (int week = 0; week < WEEKS; week++) {
                checkWeekIsItsCell(week, weeks.get(week));
            }
            for (Map.Entry<String, Http.Reply> report : reports.entrySet()) {
                if (report.getKey().startsWith("weeks ") && !report.getKey().endsWith("csv")) {
                    checkRunIsSumOfWeeks(report.getKey(), report.getValue().json(), weeks);
                }
            }
            checkMonthsAreSumsOfWeeks(reports.get("months").json(), weeks);
            checkNothingPublishedChanged(reports, weeks);
            for (int week = 0; week < WEEKS; week++) {
                checkPendingUntilDue(week, weeks.get(week).path("series").get(0));
            }
        }

        /** A published week shows its model cell if it had 5 workers, nothing otherwise; its tools are cells of 5. */
        private void checkWeekIsItsCell(int week, JsonNode report) {
            if (!due(week)) {
                return;
            }
            Cell cell = publishedCells.get(week);
            JsonNode period = report.path("series").get(0);
            String what = "week " + week + " of " + team.team + ", model " + cell;
            if (cell.workers().size() < MIN_GROUP) {
                assertThat(period.path("suppressed").asBoolean()).as(what).isTrue();
                assertThat(period.path("totalMinutes").isNull()).as(what).isTrue();
                assertThat(report.path("tools")).as(what).isEmpty();
                return;
            }
            assertThat(period.path("totalMinutes").asLong()).as(what).isEqualTo(cell.minutes());
            assertThat(period.path("craftMinutes").asLong()).as(what).isEqualTo(cell.craftMinutes());
            Set<String> shownTools = new HashSet<>();
            for (JsonNode tool : report.path("tools")) {
                String name = tool.path("tool").asText();
                shownTools.add(name);
                Map<String, Long> users = cell.toolMinutesByWorker().getOrDefault(name, Map.of());
                assertThat(users.size()).as(what + ": users of " + name).isGreaterThanOrEqualTo(MIN_GROUP);
                assertThat(tool.path("minutes").asLong()).as(what + ": " + name)
                        .isEqualTo(users.values().stream().mapToLong(Long::longValue).sum());
            }
            long outside = cell.minutesByWorker().entrySet().stream().filter(worker -> {
                long inShown = shownTools.stream().mapToLong(tool -> cell.toolMinutesByWorker()
                        .getOrDefault(tool, Map.of()).getOrDefault(worker.getKey(), 0L)).sum();
                return inShown < worker.getValue();
            }).count();
            assertThat(outside == 0 || outside >= MIN_GROUP).as(what + ": workers outside " + shownTools + ": " + outside)
                    .isTrue();
        }

        /** A run of weeks shows each week as the week's own report does, and its tools are their sums. */
        private void checkRunIsSumOfWeeks(String name, JsonNode report, Map<Integer, JsonNode> weeks) {
            int first = weekIndex(LocalDate.parse(report.path("series").get(0).path("start").asText()));
            Map<String, Long> toolSums = new TreeMap<>();
            for (int i = 0; i < report.path("series").size(); i++) {
                JsonNode own = weeks.get(first + i);
                assertThat(report.path("series").get(i)).as(name + ", week " + (first + i))
                        .isEqualTo(own.path("series").get(0));
                for (JsonNode tool : own.path("tools")) {
                    toolSums.merge(tool.path("tool").asText(), tool.path("minutes").asLong(), Long::sum);
                }
            }
            Map<String, Long> shown = new TreeMap<>();
            report.path("tools").forEach(tool -> shown.put(tool.path("tool").asText(), tool.path("minutes").asLong()));
            assertThat(shown).as(name + " tools").isEqualTo(toolSums);
        }

        /** A month shows the sum of its shown weeks, or nothing while any of its weeks is pending. */
        private void checkMonthsAreSumsOfWeeks(JsonNode report, Map<Integer, JsonNode> weeks) {
            for (JsonNode month : report.path("series")) {
                long total = 0;
                boolean pending = false;
                boolean anyShown = false;
                for (LocalDate monday = LocalDate.parse(month.path("start").asText());
                     monday.isBefore(LocalDate.parse(month.path("end").asText())); monday = monday.plusWeeks(1)) {
                    int index = weekIndex(monday);
                    if (index < 0 || index >= WEEKS) {
                        // A week outside the scenario's: nobody logged in it, but it may not be published yet.
                        pending |= CLOCK.today().isBefore(monday.plusDays(6 + GRACE_DAYS + 1));
                        continue;
                    }
                    JsonNode week = weeks.get(index).path("series").get(0);
                    pending |= week.path("pending").asBoolean();
                    if (!week.path("suppressed").asBoolean()) {
                        anyShown = true;
                        total += week.path("totalMinutes").asLong();
                    }
                }
                String what = "month " + month.path("start").asText() + " of " + team.team;
                assertThat(month.path("pending").asBoolean()).as(what).isEqualTo(pending);
                if (!pending && anyShown) {
                    assertThat(month.path("totalMinutes").asLong()).as(what).isEqualTo(total);
                } else {
                    assertThat(month.path("totalMinutes").isNull()).as(what).isTrue();
                }
            }
        }

        /** A published week, and every report all of whose periods are published, stays exactly as first seen. */
        private void checkNothingPublishedChanged(Map<String, Http.Reply> reports, Map<Integer, JsonNode> weeks) {
            publishedWeeks.forEach((week, first) -> assertThat(weeks.get(week)).as("week " + week + " of " + team.team)
                    .isEqualTo(first));
            reports.forEach((name, reply) -> {
                boolean allPublished = name.endsWith("csv") ? csvColumn(reply.body(), "pending").stream()
                        .noneMatch("true"::equals)
                        : reply.json().path("series").findValuesAsText("pending").stream().noneMatch("true"::equals);
                if (allPublished) {
                    String earlier = settled.putIfAbsent(name, reply.body());
                    if (earlier != null) {
                        assertThat(reply.body()).as(name + " of " + team.team).isEqualTo(earlier);
                    }
                }
            });
        }

        private void checkPendingUntilDue(int week, JsonNode period) {
            String what = "week " + week + " of " + team.team + " on " + CLOCK.today();
            assertThat(period.path("pending").asBoolean()).as(what).isEqualTo(!due(week));
            if (due(week)) {
                assertThat(period.path("published").asText()).as(what).isNotEmpty();
            } else {
                assertThat(period.path("totalMinutes").isNull()).as(what).isTrue();
                assertThat(period.path("publishesOn").asText()).as(what)
                        .isEqualTo(monday(week).plusDays(6 + GRACE_DAYS + 1).toString());
            }
        }

        /** One column of a report's CSV, row by row: every cell is a number, a date or a flag, never quoted. */
        private static List<String> csvColumn(String csv, String column) {
            String[] lines = csv.strip().split("\n");
            int index = List.of(lines[0].strip().split(",", -1)).indexOf(column);
            assertThat(index).as("CSV column " + column).isNotNegative();
            List<String> cells = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                cells.add(lines[i].strip().split(",", -1)[index]);
            }
            return cells;
        }

        private int weekIndex(LocalDate monday) {
            return (int) ChronoUnit.WEEKS.between(firstMonday, monday);
        }
    }
}
