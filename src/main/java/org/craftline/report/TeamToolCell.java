package org.craftline.report;

import java.time.LocalDate;

/** One tool in one published week of a team ({@code team_week_tools}), used by {@code workers} of its members. */
public record TeamToolCell(LocalDate weekStart, String tool, int workers, long minutes, long craftMinutes) {
}
