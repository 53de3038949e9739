package org.craftline.imports;

import java.util.List;
import java.util.Locale;

/**
 * The time trackers whose "detailed report" CSV exports Craftline imports, by the header names
 * each uses. Columns are found by name in any order (case and surrounding spaces aside); columns
 * not named here, such as Billable or Amount, are ignored.
 */
enum Tracker {

    /** Toggl Track: {@code User, Email, Client, Project, Task, Description, Billable, Start date, ...}. */
    TOGGL("Toggl Track", "Start date", "Start time", "End date", "End time", List.of("Duration")),
    /** Clockify: {@code Project, Client, Description, Task, User, Group, Email, Tags, ..., Duration (h), ...}. */
    CLOCKIFY("Clockify", "Start Date", "Start Time", "End Date", "End Time", List.of("Duration (h)", "Duration (decimal)"));

    static final String PROJECT = "Project";
    static final String CLIENT = "Client";
    static final String TASK = "Task";
    static final String DESCRIPTION = "Description";
    static final String TAGS = "Tags";
    static final String USER = "User";
    static final String EMAIL = "Email";

    final String displayName;
    final String startDate;
    final String startTime;
    final String endDate;
    final String endTime;
    /** The duration columns in order of preference; a file needs at least one. */
    @SuppressWarnings("ImmutableEnumChecker") // List.copyOf: an unmodifiable list
    final List<String> durations;

    Tracker(String displayName, String startDate, String startTime, String endDate, String endTime,
            List<String> durations) {
        this.displayName = displayName;
        this.startDate = startDate;
        this.startTime = startTime;
        this.endDate = endDate;
        this.endTime = endTime;
        this.durations = List.copyOf(durations);
    }

    /** The name in the route and in the report: {@code toggl}, {@code clockify}. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
