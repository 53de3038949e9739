package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@NoDatabase
class PeriodTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @ParameterizedTest(name = "{0} is in the ISO week starting {1}")
    @CsvSource({
            "2023-03-15, 2023-03-13",   // a Wednesday
            "2023-03-13, 2023-03-13",   // a Monday starts its own week
            "2023-03-19, 2023-03-13",   // a Sunday ends it
            "2021-01-01, 2020-12-28",   // a Friday in ISO week 53 of 2020
            "2021-01-03, 2020-12-28",   // the Sunday of that week
            "2025-01-01, 2024-12-30",   // a Wednesday in week 1 of 2025, which starts in 2024
            "2024-02-29, 2024-02-26"})  // a leap day
    void week_startsOnTheMondayOnOrBefore(String day, String monday) {
        assertThat(Bucket.WEEK.startOf(d(day))).isEqualTo(d(monday));
        assertThat(Bucket.WEEK.startOf(d(day)).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    }

    @Test
    void weeks_crossingTheYear_areWholeWeeks() {
        List<Period> weeks = Period.covering(Bucket.WEEK, d("2020-12-24"), d("2021-01-05"));

        assertThat(weeks).containsExactly(
                new Period(d("2020-12-21"), d("2020-12-27")),
                new Period(d("2020-12-28"), d("2021-01-03")),
                new Period(d("2021-01-04"), d("2021-01-10")));
    }

    @Test
    void months_haveTheirOwnLengths() {
        List<Period> months = Period.covering(Bucket.MONTH, d("2023-12-31"), d("2024-04-01"));

        assertThat(months).containsExactly(
                new Period(d("2023-12-01"), d("2023-12-31")),
                new Period(d("2024-01-01"), d("2024-01-31")),
                new Period(d("2024-02-01"), d("2024-02-29")),
                new Period(d("2024-03-01"), d("2024-03-31")),
                new Period(d("2024-04-01"), d("2024-04-30")));
        assertThat(Period.covering(Bucket.MONTH, d("2023-02-10"), d("2023-02-10")))
                .containsExactly(new Period(d("2023-02-01"), d("2023-02-28")));
    }

    @Test
    void oneDay_isOnePeriod() {
        assertThat(Period.covering(Bucket.WEEK, d("2023-03-15"), d("2023-03-15")))
                .containsExactly(new Period(d("2023-03-13"), d("2023-03-19")));
    }

    @Test
    void periods_tileTheRangeWithoutGapsOrOverlaps() {
        for (Bucket bucket : Bucket.values()) {
            List<Period> periods = Period.covering(bucket, d("2019-11-17"), d("2024-03-02"));
            for (int i = 1; i < periods.size(); i++) {
                assertThat(periods.get(i).start()).isEqualTo(periods.get(i - 1).end().plusDays(1));
            }
            assertThat(periods.get(0).start()).isBeforeOrEqualTo(d("2019-11-17"));
            assertThat(periods.get(0).end()).isAfterOrEqualTo(d("2019-11-17"));
            assertThat(periods.get(periods.size() - 1).start()).isBeforeOrEqualTo(d("2024-03-02"));
            assertThat(periods.get(periods.size() - 1).end()).isAfterOrEqualTo(d("2024-03-02"));
        }
    }
}
