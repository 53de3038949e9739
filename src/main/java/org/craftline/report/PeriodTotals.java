package org.craftline.report;

import java.time.LocalDate;

/** A team's minutes in one period, summed by the database, with how many distinct workers logged them. */
public record PeriodTotals(LocalDate periodStart, long minutes, long craftMinutes, int workers) {
}
