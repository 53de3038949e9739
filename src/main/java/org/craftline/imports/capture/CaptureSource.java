package org.craftline.imports.capture;

/** The activity trackers whose exports become days of steps; {@code id} is the route's and the stored name. */
public enum CaptureSource {
    ACTIVITYWATCH("activitywatch", "ActivityWatch", false),
    WAKATIME("wakatime", "WakaTime", true);

    public final String id;
    public final String displayName;
    /** Whether its records carry AI and human line changes, which the report shows per day. */
    public final boolean recordsLineChanges;

    CaptureSource(String id, String displayName, boolean recordsLineChanges) {
        this.id = id;
        this.displayName = displayName;
        this.recordsLineChanges = recordsLineChanges;
    }
}
