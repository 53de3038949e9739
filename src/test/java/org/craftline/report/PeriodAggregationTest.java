package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;

@NoDatabase
class PeriodAggregationTest {

    private static final List<Period> TWO_WEEKS =
            Period.covering(Bucket.WEEK, LocalDate.parse("2023-03-06"), LocalDate.parse("2023-03-19"));

    /** A day of {@code minutes} in {@code steps} steps, one activity, no repetition. */
    private static WorkerDayFigures day(String date, long worker, int minutes, int steps) {
        return new WorkerDayFigures(LocalDate.parse(date), worker, minutes, minutes / 2, 0, 0, steps, 0, 1, 0.0);
    }

    private static List<PeriodTotals> aggregate(WorkerDayFigures... days) {
        PeriodAggregation aggregation = new PeriodAggregation(TWO_WEEKS);
        for (WorkerDayFigures day : days) {
            aggregation.accept(day);
        }
        return aggregation.totals();
    }

    @Test
    void daysFallIntoTheWeekThatHoldsThem_firstAndLastDaysIncluded() {
        List<PeriodTotals> totals = aggregate(day("2023-03-06", 1, 100, 1), day("2023-03-12", 1, 50, 1),
                day("2023-03-13", 2, 30, 1), day("2023-03-19", 3, 20, 1));

        assertThat(totals).extracting(PeriodTotals::periodStart)
                .containsExactly(LocalDate.parse("2023-03-06"), LocalDate.parse("2023-03-13"));
        assertThat(totals.get(0).minutes()).isEqualTo(150);
        assertThat(totals.get(0).workers()).isEqualTo(1);
        assertThat(totals.get(1).minutes()).isEqualTo(50);
        assertThat(totals.get(1).workers()).isEqualTo(2);
    }

    @Test
    void emptyPeriods_areLeftOut_andDaysBeforeTheFirstPeriodIgnored() {
        List<PeriodTotals> totals = aggregate(day("2023-03-05", 1, 100, 1), day("2023-03-14", 1, 60, 2));

        assertThat(totals).singleElement().satisfies(week -> {
            assertThat(week.periodStart()).isEqualTo(LocalDate.parse("2023-03-13"));
            assertThat(week.minutes()).isEqualTo(60);
        });
    }

    @Test
    void medians_areTheMiddleValue_orTheMeanOfTheTwoMiddleValues() {
        PeriodTotals odd = aggregate(day("2023-03-06", 1, 10, 1), day("2023-03-07", 1, 40, 2),
                day("2023-03-08", 1, 300, 1)).get(0);
        PeriodTotals even = aggregate(day("2023-03-06", 1, 10, 1), day("2023-03-07", 1, 60, 2)).get(0);

        assertThat(odd.meanStepMinutes()).isCloseTo(20.0, within(1e-12));
        assertThat(even.meanStepMinutes()).isCloseTo(20.0, within(1e-12));
        assertThat(odd.repertoire()).isZero();
    }
}
