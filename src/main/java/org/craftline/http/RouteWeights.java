package org.craftline.http;

/**
 * Which API routes carry or read much more than one request's worth: the one place that says so,
 * for the size limits ({@link RequestSizeLimit}) and the rate limits, which both weigh them apart.
 * Paths are Jersey's, relative to {@code /api}.
 */
public final class RouteWeights {

    private RouteWeights() {
    }

    /** A batch of tasks or a tracker import: many tasks written by one request. */
    public static boolean isBulkWrite(String apiPath) {
        return apiPath.startsWith("tasks/batch") || apiPath.startsWith("imports/");
    }

    /** An activity tracker's export: the largest bodies, with a limit of their own. */
    public static boolean isCaptureImport(String apiPath) {
        return apiPath.startsWith("imports/activitywatch") || apiPath.startsWith("imports/wakatime");
    }

    /** A report or an export: many tasks read by one request. */
    public static boolean isBulkRead(String apiPath) {
        return apiPath.startsWith("reports/") || apiPath.startsWith("export");
    }
}
