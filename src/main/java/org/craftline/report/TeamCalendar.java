package org.craftline.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The one partition of time team reports use: whole ISO weeks, published one by one. A team "month"
 * is the block of weeks whose Thursday falls in that month (as ISO 8601 assigns weeks to years), so
 * every monthly figure is a sum of weekly ones and no month can be set against weeks to leave a
 * smaller piece. A worker's own report keeps calendar months ({@link Period#covering}).
 */
final class TeamCalendar {

    private TeamCalendar() {
    }

    /** The Monday of the week that holds {@code day}. */
    static LocalDate weekStart(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The month a week belongs to: its Thursday's. */
    static YearMonth monthOf(LocalDate weekStart) {
        return YearMonth.from(weekStart.plusDays(3));
    }

    /** The team period of {@code bucket} that holds the week starting {@code weekStart}. */
    static Period periodOf(Bucket bucket, LocalDate weekStart) {
        return bucket == Bucket.WEEK ? new Period(weekStart, weekStart.plusDays(6)) : month(monthOf(weekStart));
    }

    /**
     * Every team period from {@code from} to {@code to}: the ISO weeks that hold them, or the team
     * months of their calendar months (so that 1 to 30 September asks for September, even though
     * September's first week starts on 2 September 2024 and 30 September is in October's first).
     */
    static List<Period> covering(Bucket bucket, LocalDate from, LocalDate to) {
        List<Period> periods = new ArrayList<>();
        Period period = bucket == Bucket.WEEK ? periodOf(bucket, weekStart(from)) : month(YearMonth.from(from));
        LocalDate last = bucket == Bucket.WEEK ? weekStart(to) : month(YearMonth.from(to)).start();
        while (!period.start().isAfter(last)) {
            periods.add(period);
            period = periodOf(bucket, period.end().plusDays(1));
        }
        return periods;
    }

    /** The weeks of a team period, by their Mondays. */
    static List<LocalDate> weeks(Period period) {
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate week = period.start(); week.isBefore(period.end()); week = week.plusWeeks(1)) {
            weeks.add(week);
        }
        return weeks;
    }

    private static Period month(YearMonth month) {
        LocalDate firstThursday = month.atDay(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
        LocalDate nextThursday = month.plusMonths(1).atDay(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
        return new Period(firstThursday.minusDays(3), nextThursday.minusDays(4));
    }
}
