package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;

@NoDatabase
class SeriesTest {

    private static final List<Period> TWO_WEEKS =
            Period.covering(Bucket.WEEK, LocalDate.parse("2023-03-13"), LocalDate.parse("2023-03-26"));

    private static PeriodTotals totals(String start, long minutes, long craft, int workers) {
        return new PeriodTotals(LocalDate.parse(start), minutes, craft, minutes / 4, minutes / 2, workers, 30.0, 0.25,
                0.8);
    }

    @Test
    void shares_areRatiosOfTheSummedMinutes() {
        PeriodSummary week = Series.of(TWO_WEEKS, List.of(totals("2023-03-13", 480, 60, 1))).get(0);

        assertThat(week.totalMinutes()).isEqualTo(480);
        assertThat(week.craftMinutes()).isEqualTo(60);
        assertThat(week.executionMinutes()).isEqualTo(420);
        assertThat(week.craftShare()).isEqualTo(0.125);
        assertThat(week.generatedShare()).isEqualTo(0.25);
        assertThat(week.prescribedShare()).isEqualTo(0.5);
        assertThat(week.meanStepMinutes()).isEqualTo(30.0);
        assertThat(week.repetitionShare()).isEqualTo(0.25);
        assertThat(week.repertoire()).isEqualTo(0.8);
        assertThat(week.suppressed()).isFalse();
    }

    @Test
    void emptyPeriod_hasZerosAndNoShares() {
        PeriodSummary empty = Series.of(TWO_WEEKS, List.of(totals("2023-03-13", 100, 40, 1))).get(1);

        assertThat(empty.start()).isEqualTo(LocalDate.parse("2023-03-20"));
        assertThat(empty.end()).isEqualTo(LocalDate.parse("2023-03-26"));
        assertThat(empty.totalMinutes()).isZero();
        assertThat(empty.executionMinutes()).isZero();
        assertThat(empty.craftShare()).isNull();
        assertThat(empty.meanStepMinutes()).isNull();
        assertThat(empty.suppressed()).isFalse();
    }
}
