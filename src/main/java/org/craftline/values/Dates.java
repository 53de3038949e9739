package org.craftline.values;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The one rule for dates that come from outside (bodies, query strings, tokens' expiry, imports):
 * ISO-8601 strings, {@code YYYY-MM-DD}, in the years 1900 to 2200. Anything else is refused, never
 * read as something else: a number is not an epoch day, year 0 is not year 1, and a far-future
 * expiry does not wrap into the past.
 */
public final class Dates {

    public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2200, 12, 31);
    /** How a refusal describes what is wanted. */
    public static final String RULE = "an ISO date (YYYY-MM-DD) from 1900 to 2200";
    public static final String INSTANT_RULE = "an ISO instant (such as 2027-01-31T00:00:00Z) from 1900 to 2200";

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Dates() {
    }

    /** The date the text names, or null when it is not an ISO date within the range. */
    public static LocalDate parse(String text) {
        if (text == null || !ISO_DATE.matcher(text).matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            return date.isBefore(FIRST) || date.isAfter(LAST) ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Whether a tracker's record at {@code instant} falls on a day within the range in every time
     * zone (so a day further than a zone's offset from either end is refused too).
     */
    public static boolean holdsInEveryZone(Instant instant) {
        LocalDate day = instant.atOffset(ZoneOffset.UTC).toLocalDate();
        return day.isAfter(FIRST) && day.isBefore(LAST);
    }

    /** The instant the text names, or null when it is not an ISO instant within the range. */
    public static Instant parseInstant(String text) {
        if (text == null || text.isEmpty() || !Character.isDigit(text.charAt(0))) {
            return null;
        }
        try {
            Instant instant = Instant.parse(text);
            LocalDate day = instant.atOffset(ZoneOffset.UTC).toLocalDate();
            return day.isBefore(FIRST) || day.isAfter(LAST) ? null : instant;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
