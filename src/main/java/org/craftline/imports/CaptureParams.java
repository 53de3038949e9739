package org.craftline.imports;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.QueryParam;

/**
 * The query parameters both activity-tracker imports take, as sent: {@code CaptureResource} reads
 * them through {@code http/Params}, so that a malformed one is a 400 naming it.
 */
public class CaptureParams {

    @Parameter(description = "The worker the export belongs to; a worker token's own if left out")
    @QueryParam("worker")
    public String worker;

    @Parameter(description = "The worker's time zone, whose midnights cut the days (Europe/Berlin)", required = true)
    @QueryParam("zone")
    public String zone;

    @Parameter(description = "true: say what would be imported, day by day; write nothing")
    @QueryParam("dryRun")
    public String dryRun;

    @Parameter(description = "true: import the other days when some are refused")
    @QueryParam("skipInvalid")
    public String skipInvalid;

    @Parameter(description = "true: replace the earlier import of days imported before")
    @QueryParam("replaceDays")
    public String replaceDays;

    @Parameter(description = "Gaps of one activity up to this many seconds are bridged (0-3600)")
    @QueryParam("bridgeSeconds")
    public String bridgeSeconds;

    @Parameter(description = "Runs shorter than this many seconds are left out and counted (30-3600)")
    @QueryParam("minRunSeconds")
    public String minRunSeconds;
}
