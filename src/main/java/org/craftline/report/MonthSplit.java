package org.craftline.report;

import java.time.LocalDate;

/**
 * A date range cut into the whole calendar months inside it and the part-months at its ends, so
 * that a query can read month rollups for the middle and day rollups only for the ends. An empty
 * part is a range that ends before it starts, which a {@code BETWEEN} matches nothing in.
 *
 * @param firstMonth the first whole month's first day
 * @param lastMonth  the last whole month's first day; before {@code firstMonth} when there is none
 */
record MonthSplit(LocalDate headFirst, LocalDate headLast, LocalDate firstMonth, LocalDate lastMonth,
                  LocalDate tailFirst, LocalDate tailLast) {

    static MonthSplit of(LocalDate first, LocalDate last) {
        LocalDate wholeFrom = first.getDayOfMonth() == 1 ? first : first.withDayOfMonth(1).plusMonths(1);
        LocalDate wholeUntil = last.plusDays(1).getDayOfMonth() == 1 ? last.plusDays(1) : last.withDayOfMonth(1);
        if (!wholeFrom.isBefore(wholeUntil)) {
            // No whole month: the days are all there is.
            return new MonthSplit(first, last, wholeFrom, wholeFrom.minusMonths(1), last.plusDays(1), last);
        }
        return new MonthSplit(first, wholeFrom.minusDays(1), wholeFrom, wholeUntil.minusMonths(1), wholeUntil, last);
    }
}
