package org.craftline.http;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.craftline.problem.ApiException;
import org.craftline.values.Dates;

/**
 * Reads query parameters with messages that name the parameter and what it should look like.
 * Resources take parameters as strings and parse them here, because Jersey's own conversion
 * turns a malformed query parameter into a bare 404.
 */
public final class Params {

    private Params() {
    }

    public static LocalDate date(String name, String raw) {
        if (isAbsent(raw)) {
            return null;
        }
        LocalDate date = Dates.parse(raw.trim());
        if (date == null) {
            throw ApiException.badParameter(name, "must be " + Dates.RULE + ", not \"" + raw + "\"");
        }
        return date;
    }

    public static int integer(String name, String raw, int min, int max, int fallback) {
        if (isAbsent(raw)) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(name, "must be a whole number, not \"" + raw + "\"");
        }
        if (value < min || value > max) {
            throw ApiException.badParameter(name, "must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    public static <E extends Enum<E>> E enumValue(String name, String raw, Class<E> type) {
        if (isAbsent(raw)) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                    + ", not \"" + raw + "\"");
        }
    }

    /** {@code true} or {@code false} (any case); absent is {@code false}. */
    /** {@code true} or {@code false}; {@code fallback} when absent. */
    public static boolean flag(String name, String raw, boolean fallback) {
        return isAbsent(raw) ? fallback : flag(name, raw);
    }

    public static boolean flag(String name, String raw) {
        if (isAbsent(raw)) {
            return false;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badParameter(name, "must be true or false, not \"" + raw + "\"");
        };
    }

    /** A time zone by its IANA name (Europe/Berlin) or an offset (+02:00); required. */
    public static ZoneId zone(String name, String raw) {
        if (isAbsent(raw)) {
            throw ApiException.badParameter(name, "is required: the time zone whose midnights cut the days, "
                    + "such as Europe/Berlin");
        }
        try {
            return ZoneId.of(raw.trim());
        } catch (DateTimeException e) {
            throw ApiException.badParameter(name, "must be a time zone such as Europe/Berlin or +02:00, not \""
                    + (raw.length() > 64 ? raw.substring(0, 64) + "..." : raw) + "\"");
        }
    }

    public static void requireOrdered(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badParameter("from", "must not be after to (" + from + " > " + to + ")");
        }
    }

    private static boolean isAbsent(String raw) {
        return raw == null || raw.isBlank();
    }
}
