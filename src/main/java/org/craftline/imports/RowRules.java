package org.craftline.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.craftline.step.Mode;
import org.craftline.step.Step;
import org.craftline.values.Dates;
import org.craftline.values.TextRules;

/**
 * Turns a tracker's row into a step, or says why it cannot:
 * <ul>
 *   <li>the day is the start date, {@code YYYY-MM-DD} or {@code MM/DD/YYYY}, years 1900 to 2200;</li>
 *   <li>minutes are the duration ({@code HH:MM:SS}, or Clockify's decimal hours) rounded to the
 *       nearest minute, 1 to 1,440;</li>
 *   <li>the activity is the row's Task, else its Description (cut at 64 characters; the
 *       description is kept whole, up to 1,000 characters, as the step's note);</li>
 *   <li>the mode comes from the tags by the configured rules, else from {@code defaultMode};</li>
 *   <li>the tool is the first tag that names a known tool (configured, or used before by the worker).</li>
 * </ul>
 */
final class RowRules {

    private static final Pattern HMS = Pattern.compile("(\\d{1,6}):([0-5]?\\d)(?::([0-5]?\\d))?");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern DECIMAL_HOURS = Pattern.compile("\\d{1,6}(?:[.,]\\d+)?");
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu");
    /** 24-hour times first, then 12-hour ones with AM or PM (any case). */
    private static final List<DateTimeFormatter> TIMES = Stream.of("H:mm:ss", "H:mm", "h:mm:ss a", "h:mm a")
            .map(pattern -> new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                    .toFormatter(Locale.US))
            .toList();
    private static final int ACTIVITY_LENGTH = 64;
    private static final int NOTE_LENGTH = 1000;
    /** A task title holds 200 characters; room is left for a " (2)" when a day needs several tasks. */
    private static final int TITLE_LENGTH = 190;
    private static final int TOOL_LENGTH = 100;

    private final Tracker tracker;
    private final Map<String, Mode> modeOfTag = new HashMap<>();
    private final Map<String, String> toolOfTag = new HashMap<>();
    private final Mode defaultMode;
    /** Equal texts kept once: a file of 100,000 rows names a few dozen projects and activities. */
    private final Map<String, String> texts = new HashMap<>();

    RowRules(Tracker tracker, ImportsConfiguration rules, Collection<String> workersTools, Mode defaultMode) {
        this.tracker = tracker;
        this.defaultMode = defaultMode;
        rules.getCraftTags().forEach(tag -> modeOfTag.put(key(tag), Mode.CRAFT));
        rules.getExecutionTags().forEach(tag -> modeOfTag.put(key(tag), Mode.EXECUTION));
        rules.getKnownTools().forEach(tool -> toolOfTag.put(key(tool), tool));
        workersTools.forEach(tool -> toolOfTag.put(key(tool), tool));
    }

    /** The step a row becomes, or the reason it cannot become one. */
    Object read(TrackerRow row) {
        String dateText = row.get(tracker.startDate);
        LocalDate date = date(dateText);
        if (date == null) {
            return reject(row, tracker.startDate + " '" + dateText + "' is not a date from 1900 to 2200 (YYYY-MM-DD or MM/DD/YYYY)");
        }
        Integer minutes = minutes(row);
        if (minutes == null) {
            return reject(row, "its duration is missing or not a duration (HH:MM:SS, or decimal hours)");
        }
        if (minutes < 1 || minutes > 1440) {
            return reject(row, "lasts " + minutes + " minutes once rounded; a step is 1 to 1,440 minutes");
        }
        String startText = row.get(tracker.startTime);
        LocalTime start = startText.isEmpty() ? null : time(startText);
        if (start == null && !startText.isEmpty()) {
            return reject(row, tracker.startTime + " '" + startText + "' is not a time (such as 14:05, 14:05:00 or 2:05 PM)");
        }
        String description = row.get(Tracker.DESCRIPTION);
        String activity = row.get(Tracker.TASK).isEmpty() ? description : row.get(Tracker.TASK);
        if (activity.isEmpty()) {
            return reject(row, "has neither a Task nor a Description to name its activity");
        }
        for (String text : List.of(activity, description, row.get(Tracker.PROJECT), row.get(Tracker.TAGS))) {
            if (!TextRules.isAllowed(text)) {
                return reject(row, "holds a character not allowed in text (a control character, U+FFFE or U+FFFF)");
            }
        }
        Mode mode = defaultMode;
        String tool = null;
        Mode tagged = null;
        for (String tag : row.tags()) {
            Mode byTag = modeOfTag.get(key(tag));
            if (byTag != null && tagged != null && byTag != tagged) {
                return reject(row, "has tags for both CRAFT and EXECUTION");
            }
            tagged = byTag != null ? byTag : tagged;
            tool = tool == null ? toolOfTag.get(key(tag)) : tool;
        }
        mode = tagged != null ? tagged : mode;
        if (mode == null) {
            return reject(row, "has no tag that says CRAFT or EXECUTION (" + String.join(", ", new TreeSet<>(modeOfTag.keySet()))
                    + "), and no defaultMode was given");
        }
        String project = row.get(Tracker.PROJECT).isEmpty() ? "No project" : row.get(Tracker.PROJECT);
        String note = description.isEmpty() || (description.equals(activity) && activity.length() <= ACTIVITY_LENGTH)
                ? null : cut(description, NOTE_LENGTH);
        // An activity is a short name compared across days: one line, lower case, spaces collapsed.
        String name = cut(WHITESPACE.matcher(activity).replaceAll(" "), ACTIVITY_LENGTH).strip().toLowerCase(Locale.ROOT);
        Step step = new Step(kept(name), minutes, mode,
                tool == null ? null : kept(cut(tool, TOOL_LENGTH)), null, null, note);
        return new ImportedRow(row.number(), date, start, kept(cut(project, TITLE_LENGTH)), step, fingerprint(row));
    }

    private static RejectedRow reject(TrackerRow row, String reason) {
        return new RejectedRow(row.number(), reason);
    }

    private static LocalDate date(String text) {
        try {
            LocalDate date = text.contains("/") ? LocalDate.parse(text, US_DATE) : Dates.parse(text);
            return date == null || date.isBefore(Dates.FIRST) || date.isAfter(Dates.LAST) ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalTime time(String text) {
        for (DateTimeFormatter format : TIMES) {
            try {
                return LocalTime.parse(text, format);
            } catch (DateTimeParseException e) {
                // try the next way of writing a time
            }
        }
        return null;
    }

    /** Minutes from the first duration column that holds one; null when none does. */
    private Integer minutes(TrackerRow row) {
        for (String column : tracker.durations) {
            String text = row.get(column);
            Matcher hms = HMS.matcher(text);
            if (hms.matches()) {
                long seconds = Long.parseLong(hms.group(1)) * 3600 + Long.parseLong(hms.group(2)) * 60
                        + (hms.group(3) == null ? 0 : Long.parseLong(hms.group(3)));
                return (int) Math.min(Integer.MAX_VALUE, (seconds + 30) / 60);
            }
            if (DECIMAL_HOURS.matcher(text).matches()) {
                return new BigDecimal(text.replace(',', '.')).multiply(BigDecimal.valueOf(60))
                        .setScale(0, RoundingMode.HALF_UP).min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValue();
            }
        }
        return null;
    }

    /**
     * What the row says, whatever the file around it: its user, day, times, duration, project,
     * client, task, description and tags. A row exported again gives the same fingerprint: the first
     * 128 bits of their SHA-256, as a UUID.
     */
    private UUID fingerprint(TrackerRow row) {
        List<String> columns = List.of(Tracker.EMAIL, Tracker.USER, tracker.startDate, tracker.startTime,
                tracker.endDate, tracker.endTime, Tracker.PROJECT, Tracker.CLIENT, Tracker.TASK, Tracker.DESCRIPTION,
                Tracker.TAGS);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(tracker.id().getBytes(StandardCharsets.UTF_8));
            for (String column : columns) {
                digest.update((byte) 0x1f);
                digest.update(row.get(column).getBytes(StandardCharsets.UTF_8));
            }
            for (String column : tracker.durations) {
                digest.update((byte) 0x1f);
                digest.update(row.get(column).getBytes(StandardCharsets.UTF_8));
            }
            ByteBuffer hash = ByteBuffer.wrap(digest.digest());
            return new UUID(hash.getLong(), hash.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private String kept(String text) {
        return texts.computeIfAbsent(text, t -> t);
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    private static String key(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT);
    }
}
