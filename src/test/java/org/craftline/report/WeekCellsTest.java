package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;

/** The privacy rules of a published week, without a database. */
@NoDatabase
class WeekCellsTest {

    private static final LocalDate MONDAY = LocalDate.parse("2024-09-02");
    private static final LocalDate PUBLISHED = LocalDate.parse("2024-09-23");

    private final WeekCells cells = new WeekCells();

    /** One worker-day of {@code minutes} in {@code steps} equal steps of different activities, all CRAFT. */
    private void day(long worker, int dayOfWeek, int minutes, int steps) {
        double entropy = Math.log(steps);
        cells.addDay(new WorkerDayFigures(MONDAY.plusDays(dayOfWeek), worker, minutes, minutes, 0, 0, steps, 0, steps,
                entropy));
    }

    private List<WeekCells.Cell> publish() {
        return cells.publish(5, PUBLISHED);
    }

    @Test
    void weekOfFourWorkers_keepsItsCountAndNoFigures() {
        for (long worker = 1; worker <= 4; worker++) {
            day(worker, 1, 100, 1);
            day(worker, 2, 100, 1);
        }

        TeamWeek week = publish().get(0).week();

        assertThat(week.workers()).isEqualTo(4);
        assertThat(week.minutes()).isNull();
        assertThat(week.stepCount()).isNull();
        assertThat(week.repertoireSum()).isNull();
        assertThat(week.shownTo(5)).isFalse();
    }

    @Test
    void weekOfFiveWorkers_poolsEveryWorkerDay() {
        for (long worker = 1; worker <= 5; worker++) {
            day(worker, 0, 60 * (int) worker, (int) worker);
        }

        WeekCells.Cell cell = publish().get(0);

        assertThat(cell.week().weekStart()).isEqualTo(MONDAY);
        assertThat(cell.week().publishedOn()).isEqualTo(PUBLISHED);
        assertThat(cell.week().minutes()).isEqualTo(60 * 15);
        assertThat(cell.week().stepCount()).isEqualTo(15);
        assertThat(cell.week().workerDays()).isEqualTo(5);
        // Repertoire of an even day over K activities is 1 (0 for one activity): 0 + 4 x 1.
        assertThat(cell.week().repertoireSum()).isEqualTo(4.0, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void toolFewerThanFiveUsed_isNotShown() {
        for (long worker = 1; worker <= 5; worker++) {
            day(worker, 0, 100, 2);
            cells.addTool(MONDAY, worker, "Blender", 50, 0);
        }
        cells.addTool(MONDAY, 1, "Krita", 50, 50);

        List<TeamToolCell> tools = publish().get(0).tools();

        assertThat(tools).extracting(TeamToolCell::tool).containsExactly("Blender");
        assertThat(tools.get(0).minutes()).isEqualTo(250);
        assertThat(tools.get(0).workers()).isEqualTo(5);
    }

    @Test
    void toolsLeavingFewerThanFiveOutside_hideTheSmallestUntilEnoughOrNone() {
        // Six workers: five spend all their time in Blender, the sixth all in Krita. The week's total
        // minus Blender would be the sixth worker's minutes, so Blender cannot be shown either.
        for (long worker = 1; worker <= 6; worker++) {
            day(worker, 0, 100, 1);
            cells.addTool(MONDAY, worker, worker <= 5 ? "Blender" : "Krita", 100, 100);
        }

        WeekCells.Cell cell = publish().get(0);

        assertThat(cell.week().minutes()).isEqualTo(600);
        assertThat(cell.tools()).isEmpty();
    }

    @Test
    void toolsLeavingNobodyOrFiveOutside_areShown() {
        // Every minute in Blender: nothing outside it. Then five more workers outside it: enough.
        for (long worker = 1; worker <= 5; worker++) {
            day(worker, 0, 100, 1);
            cells.addTool(MONDAY, worker, "Blender", 100, 0);
        }
        assertThat(publish().get(0).tools()).hasSize(1);

        for (long worker = 6; worker <= 10; worker++) {
            day(worker, 0, 100, 1);
        }
        assertThat(publish().get(0).tools()).extracting(TeamToolCell::minutes).containsExactly(500L);
    }

    @Test
    void daysFallIntoTheirIsoWeeks() {
        for (long worker = 1; worker <= 5; worker++) {
            day(worker, 6, 10, 1);
            day(worker, 7, 20, 1);
        }

        List<WeekCells.Cell> published = publish();

        assertThat(published).extracting(cell -> cell.week().weekStart())
                .containsExactly(MONDAY, MONDAY.plusWeeks(1));
        assertThat(published).extracting(cell -> cell.week().minutes()).containsExactly(50L, 100L);
    }
}
