package org.craftline.report;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import org.craftline.access.Caller;
import org.craftline.access.Role;
import org.craftline.http.Negotiation;
import org.craftline.http.Params;
import org.craftline.problem.ApiException;
import org.craftline.values.Text;
import org.craftline.worker.Workers;

@Path("/reports")
public class ReportResource {

    /** Bounds the work one request can ask for: at most about 260 weeks or 60 months. */
    static final int MAX_YEARS = 5;
    static final int DEFAULT_WINDOW = 12;

    private final ReportService reports;
    private final Workers workers;
    private final ReportBulkhead bulkhead;
    private final Clock clock;

    public ReportResource(ReportService reports, Workers workers, ReportBulkhead bulkhead, Clock clock) {
        this.reports = reports;
        this.workers = workers;
        this.bulkhead = bulkhead;
        this.clock = clock;
    }

    /** The answer's format: {@code format=} wins over the Accept header, for links opened in a browser. */
    enum Format {
        JSON(MediaType.APPLICATION_JSON),
        CSV(ReportCsv.MEDIA_TYPE),
        SVG(ReportChart.MEDIA_TYPE);

        final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        static Format negotiate(Format requested, HttpHeaders headers) {
            return Negotiation.choose(requested, headers, values(), format -> format.mediaType);
        }
    }

    /**
     * One worker's report ({@code worker=}: that worker or an admin) or a team's aggregate
     * ({@code team=}: analysts and admins, with small groups suppressed), as JSON, CSV or SVG.
     */
    @Operation(summary = "The deskilling report of a worker or a team: craft share per period, trend, shifts, "
            + "events, tools and fragmentation, as JSON, CSV or an SVG chart",
            responses = @ApiResponse(responseCode = "200", description = "The report, in the format asked for",
                    content = {
                        @Content(mediaType = MediaType.APPLICATION_JSON,
                                schema = @Schema(implementation = DeskillingReport.class)),
                        @Content(mediaType = ReportCsv.MEDIA_TYPE, schema = @Schema(type = "string")),
                        @Content(mediaType = ReportChart.MEDIA_TYPE, schema = @Schema(type = "string"))}))
    @GET
    @Path("/deskilling")
    @Produces({MediaType.APPLICATION_JSON, ReportCsv.MEDIA_TYPE, ReportChart.MEDIA_TYPE})
    @RolesAllowed({Role.Names.WORKER, Role.Names.ANALYST, Role.Names.ADMIN})
    @SuppressWarnings("try") // the permit is held, not used, while the report runs
    public Response deskilling(@Auth Caller caller,
                               @Context HttpHeaders headers,
                               @QueryParam("worker") String worker,
                               @QueryParam("team") String team,
                               @QueryParam("from") String from,
                               @QueryParam("to") String to,
                               @QueryParam("bucket") String bucket,
                               @QueryParam("window") String window,
                               @QueryParam("format") String format,
                               @Parameter(description = "The SVG chart's width in pixels, " + ReportChart.MIN_WIDTH
                                       + " to " + ReportChart.MAX_WIDTH + " (default " + ReportChart.DEFAULT_WIDTH
                                       + "): drawn for the width it is shown at, its text stays legible on a phone. "
                                       + "Other formats ignore it.")
                               @QueryParam("width") String width) {
        String handle = Text.blankToNull(worker);
        String teamName = Text.blankToNull(team);
        if ((handle == null) == (teamName == null)) {
            throw ApiException.badParameter("worker", "or team is required, not both: whose work the report describes");
        }
        Format answer = Format.negotiate(Params.enumValue("format", format, Format.class), headers);
        ReportService.Range range = range(from, to, bucket, window);
        int chartWidth = Params.integer("width", width, ReportChart.MIN_WIDTH, ReportChart.MAX_WIDTH,
                ReportChart.DEFAULT_WIDTH);
        try (ReportBulkhead.Permit permit = bulkhead.enter(caller)) {
            DeskillingReport report = teamName == null ? workerReport(caller, handle, range)
                    : teamReport(caller, teamName, range);
            Object body = switch (answer) {
                case JSON -> report;
                case CSV -> ReportCsv.write(report);
                case SVG -> ReportChart.svg(report, chartWidth);
            };
            return Response.ok(body, answer.mediaType).build();
        }
    }

    private ReportService.Range range(String from, String to, String bucket, String window) {
        Bucket size = Params.enumValue("bucket", bucket, Bucket.class);
        LocalDate toDate = Params.date("to", to);
        toDate = toDate == null ? LocalDate.now(clock) : toDate;
        LocalDate fromDate = Params.date("from", from);
        fromDate = fromDate == null ? toDate.minusYears(1).plusDays(1) : fromDate;
        Params.requireOrdered(fromDate, toDate);
        if (fromDate.plusYears(MAX_YEARS).isBefore(toDate)) {
            throw ApiException.badParameter("from", "must be at most " + MAX_YEARS + " years before to");
        }
        return new ReportService.Range(fromDate, toDate, size == null ? Bucket.WEEK : size,
                Params.integer("window", window, 2, 52, DEFAULT_WINDOW));
    }

    private DeskillingReport workerReport(Caller caller, String handle, ReportService.Range range) {
        if (caller.role() == Role.ANALYST) {
            throw ApiException.forbidden("Analysts read team aggregates only (team=), never one worker's data");
        }
        return reports.forWorker(workers.visibleTo(caller, handle), range);
    }

    private DeskillingReport teamReport(Caller caller, String team, ReportService.Range range) {
        if (caller.isWorker()) {
            throw ApiException.forbidden("Team aggregates are for analysts and admins");
        }
        return reports.forTeam(team, range);
    }
}
