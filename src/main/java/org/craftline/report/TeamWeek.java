package org.craftline.report;

import java.time.LocalDate;

/**
 * A published week of a team ({@code team_weeks}): how many distinct workers logged in it and, only
 * when that was enough to show it, the sums its figures are made of. Never changed once stored.
 *
 * @param repertoireSum the sum over the week's worker-days of each day's repertoire
 */
public record TeamWeek(LocalDate weekStart, LocalDate publishedOn, int workers, Long minutes, Long craftMinutes,
                       Long generatedMinutes, Long prescribedMinutes, Long stepCount, Long repeatedMinutes,
                       Integer workerDays, Double repertoireSum) {

    /** Whether the week may be shown to a reader whose minimum group is {@code minGroupSize}. */
    boolean shownTo(int minGroupSize) {
        return minutes != null && workers >= minGroupSize;
    }
}
