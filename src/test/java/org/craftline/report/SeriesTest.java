package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesTest {

    private static final List<Period> TWO_WEEKS =
            Period.covering(Bucket.WEEK, LocalDate.parse("2023-03-13"), LocalDate.parse("2023-03-26"));

    private static DailyTotals day(String date, long minutes, long craft) {
        return new DailyTotals(LocalDate.parse(date), minutes, craft);
    }

    @Test
    void craftShare_isARatioOfSumsNotAMeanOfDailyShares() {
        // Day shares 1.0 and 0.0 would average 0.5; by minutes the week is 60 / 480 = 0.125 craft.
        List<PeriodSummary> series = Series.of(TWO_WEEKS, List.of(day("2023-03-13", 60, 60), day("2023-03-14", 420, 0)));

        PeriodSummary week = series.get(0);
        assertThat(week.totalMinutes()).isEqualTo(480);
        assertThat(week.craftMinutes()).isEqualTo(60);
        assertThat(week.executionMinutes()).isEqualTo(420);
        assertThat(week.craftShare()).isCloseTo(0.125, within(1e-12));
    }

    @Test
    void emptyPeriod_hasZerosAndNoShare() {
        List<PeriodSummary> series = Series.of(TWO_WEEKS, List.of(day("2023-03-15", 100, 40)));

        assertThat(series).hasSize(2);
        PeriodSummary empty = series.get(1);
        assertThat(empty.start()).isEqualTo(LocalDate.parse("2023-03-20"));
        assertThat(empty.totalMinutes()).isZero();
        assertThat(empty.craftMinutes()).isZero();
        assertThat(empty.executionMinutes()).isZero();
        assertThat(empty.craftShare()).isNull();
    }

    @Test
    void share_isZeroOrOneAtTheExtremes() {
        List<PeriodSummary> series = Series.of(TWO_WEEKS, List.of(day("2023-03-13", 30, 0), day("2023-03-26", 30, 30)));

        assertThat(series.get(0).craftShare()).isZero();
        assertThat(series.get(1).craftShare()).isEqualTo(1.0);
    }

    @Test
    void daysOnPeriodBoundaries_landInTheirOwnPeriod() {
        List<PeriodSummary> series = Series.of(TWO_WEEKS,
                List.of(day("2023-03-19", 10, 10), day("2023-03-20", 20, 0)));

        assertThat(series.get(0).totalMinutes()).isEqualTo(10);
        assertThat(series.get(1).totalMinutes()).isEqualTo(20);
    }

    @Test
    void dayOutsideThePeriods_isABug() {
        assertThatThrownBy(() -> Series.of(TWO_WEEKS, List.of(day("2023-04-01", 10, 10))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
