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

    /** A report or an export: many tasks read by one request. */
    public static boolean isBulkRead(String apiPath) {
        return apiPath.startsWith("reports/") || apiPath.startsWith("export");
    }
}
