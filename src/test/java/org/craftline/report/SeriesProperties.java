package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.craftline.testing.NoDatabase;

@NoDatabase
class SeriesProperties {

    private static final List<Period> ONE_WEEK =
            Period.covering(Bucket.WEEK, LocalDate.parse("2023-03-13"), LocalDate.parse("2023-03-19"));

    @Property
    void shares_alwaysLieBetweenZeroAndOne(@ForAll @LongRange(min = 1, max = 100_000) long total,
                                           @ForAll @LongRange(min = 0, max = 100_000) long part) {
        long craft = Math.min(part, total);
        PeriodSummary period = PeriodSummary.of(ONE_WEEK.get(0),
                new PeriodTotals(ONE_WEEK.get(0).start(), total, craft, total - craft, craft / 2, 1, 1.0, 0.0, 0.0));

        assertThat(period.craftShare()).isBetween(0.0, 1.0);
        assertThat(period.generatedShare()).isBetween(0.0, 1.0);
        assertThat(period.prescribedShare()).isBetween(0.0, 1.0);
        assertThat(period.craftMinutes() + period.executionMinutes()).isEqualTo(total);
    }
}
