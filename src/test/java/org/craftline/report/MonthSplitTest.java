package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;

/** Every day of a range lands in exactly one part: the head, a whole month, or the tail. */
@NoDatabase
class MonthSplitTest {

    @Property(tries = 500)
    void everyDay_isInExactlyOnePart(@ForAll @IntRange(min = 0, max = 800) int start,
                                     @ForAll @IntRange(min = 0, max = 120) int length) {
        LocalDate first = LocalDate.parse("2023-01-01").plusDays(start);
        LocalDate last = first.plusDays(length);
        MonthSplit split = MonthSplit.of(first, last);

        List<LocalDate> covered = new ArrayList<>();
        addDays(covered, split.headFirst(), split.headLast());
        for (LocalDate month = split.firstMonth(); !month.isAfter(split.lastMonth()); month = month.plusMonths(1)) {
            assertThat(month.getDayOfMonth()).isEqualTo(1);
            addDays(covered, month, month.plusMonths(1).minusDays(1));
        }
        addDays(covered, split.tailFirst(), split.tailLast());

        assertThat(covered).containsExactlyElementsOf(first.datesUntil(last.plusDays(1)).toList());
    }

    @Test
    void aYearOfWeeks_readsTwelveMonthsAndAFewDays() {
        MonthSplit split = MonthSplit.of(LocalDate.parse("2024-12-30"), LocalDate.parse("2026-01-04"));

        assertThat(split).isEqualTo(new MonthSplit(LocalDate.parse("2024-12-30"), LocalDate.parse("2024-12-31"),
                LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-01"),
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-04")));
    }

    private static void addDays(List<LocalDate> days, LocalDate first, LocalDate last) {
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day);
        }
    }
}
