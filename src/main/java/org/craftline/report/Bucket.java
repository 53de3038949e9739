package org.craftline.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** The length of a report period: an ISO week (Monday to Sunday) or a calendar month. */
public enum Bucket {
    WEEK {
        @Override
        LocalDate startOf(LocalDate day) {
            return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }

        @Override
        LocalDate nextStart(LocalDate start) {
            return start.plusWeeks(1);
        }
    },
    MONTH {
        @Override
        LocalDate startOf(LocalDate day) {
            return day.withDayOfMonth(1);
        }

        @Override
        LocalDate nextStart(LocalDate start) {
            return start.plusMonths(1);
        }
    };

    /** The first day of the period that contains {@code day}. */
    abstract LocalDate startOf(LocalDate day);

    /** The first day of the period after the one starting at {@code start}. */
    abstract LocalDate nextStart(LocalDate start);

    @JsonValue
    String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
