package org.craftline.report;

import java.time.LocalDate;

/** One day's minutes as the database sums them from the steps. */
public record DailyTotals(LocalDate workDate, long minutes, long craftMinutes) {
}
