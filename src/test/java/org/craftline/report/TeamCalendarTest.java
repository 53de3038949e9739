package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;

/** Team periods are whole ISO weeks, and a team month the weeks whose Thursday falls in it. */
@NoDatabase
class TeamCalendarTest {

    @Test
    void september2024_isTheFourWeeksFromTheSecond() {
        List<Period> months = TeamCalendar.covering(Bucket.MONTH, LocalDate.parse("2024-09-01"),
                LocalDate.parse("2024-09-30"));

        assertThat(months).containsExactly(new Period(LocalDate.parse("2024-09-02"), LocalDate.parse("2024-09-29")));
        assertThat(TeamCalendar.weeks(months.get(0))).hasSize(4);
    }

    @Test
    void weeksOfARange_areTheIsoWeeksHoldingItsDays() {
        List<Period> weeks = TeamCalendar.covering(Bucket.WEEK, LocalDate.parse("2024-09-04"),
                LocalDate.parse("2024-09-09"));

        assertThat(weeks).extracting(Period::start)
                .containsExactly(LocalDate.parse("2024-09-02"), LocalDate.parse("2024-09-09"));
    }

    @Property
    void monthsTileTheWeeks_withoutGapOrOverlap(@ForAll @IntRange(min = 0, max = 3000) int offset,
                                                @ForAll @IntRange(min = 0, max = 900) int length) {
        LocalDate from = LocalDate.parse("2000-01-01").plusDays(offset);
        List<Period> months = TeamCalendar.covering(Bucket.MONTH, from, from.plusDays(length));

        for (int i = 0; i < months.size(); i++) {
            Period month = months.get(i);
            assertThat(month.start().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(month.end().getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(TeamCalendar.weeks(month)).hasSizeBetween(4, 5)
                    .allMatch(week -> TeamCalendar.monthOf(week).equals(TeamCalendar.monthOf(month.start())));
            if (i > 0) {
                assertThat(month.start()).isEqualTo(months.get(i - 1).end().plusDays(1));
            }
        }
    }
}
