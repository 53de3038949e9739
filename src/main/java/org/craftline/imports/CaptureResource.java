package org.craftline.imports;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.List;
import org.craftline.access.Caller;
import org.craftline.access.Role;
import org.craftline.http.Params;
import org.craftline.idempotency.IdempotencyKeys;
import org.craftline.idempotency.StoredAnswer;
import org.craftline.imports.activitywatch.ActivityWatch;
import org.craftline.imports.capture.Capture;
import org.craftline.imports.capture.CaptureImports;
import org.craftline.imports.capture.CapturePlan;
import org.craftline.imports.capture.CaptureReport;
import org.craftline.imports.capture.CaptureSource;
import org.craftline.imports.capture.CapturedDays;
import org.craftline.imports.wakatime.WakaTime;
import org.craftline.problem.ApiException;
import org.craftline.problem.Problem.FieldError;
import org.craftline.rules.RuleBook;
import org.craftline.rules.Rules;
import org.craftline.task.Task;
import org.craftline.worker.Worker;
import org.craftline.worker.Workers;

/**
 * {@code POST /api/imports/activitywatch} and {@code /api/imports/wakatime}: an activity tracker's
 * export, read as a stream, classified by the worker's rules ({@code /api/workers/{handle}/rules})
 * into a task per day. All or nothing unless {@code skipInvalid=true}; {@code dryRun=true} only
 * says what would happen.
 */
@Path("/imports")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CaptureResource {

    private static final String COMMON = " Days are cut at midnight in `zone`. A step is a run of time one rule "
            + "classified, in time order, across gaps of at most bridgeSeconds; runs under minRunSeconds are left out "
            + "and counted. Time no rule matches is unclassified: never CRAFT or EXECUTION, always reported per day "
            + "with the ten largest unmatched values. A day imported before is left alone unless replaceDays=true, "
            + "which replaces that import's tasks and never a task logged by hand. A day the import would take past "
            + "1,440 minutes is refused, and fails the whole import (422, each day named) unless skipInvalid=true.";

    private final CaptureImports imports;
    private final Rules rules;
    private final Workers workers;
    private final IdempotencyKeys idempotency;
    private final ImportsConfiguration settings;

    public CaptureResource(CaptureImports imports, Rules rules, Workers workers, IdempotencyKeys idempotency,
                           ImportsConfiguration settings) {
        this.imports = imports;
        this.rules = rules;
        this.workers = workers;
        this.idempotency = idempotency;
        this.settings = settings;
    }

    @Operation(summary = "Import an ActivityWatch export (JSON)", description = "The body is ActivityWatch's export "
            + "(GET /api/0/export of aw-server or aw-server-rust, or one bucket's export). Window time counts only "
            + "inside the same host's not-AFK time; a browser's time is split by its tabs (url, title). One task per "
            + "day and host, titled \"ActivityWatch, <host>\"." + COMMON,
            responses = {
                @ApiResponse(responseCode = "201", description = "Imported: each day and what became of it",
                        content = @Content(schema = @Schema(implementation = CaptureReport.class))),
                @ApiResponse(responseCode = "200", description = "A dry run, or nothing new to import",
                        content = @Content(schema = @Schema(implementation = CaptureReport.class)))})
    @POST
    @Path("/activitywatch")
    @RolesAllowed({Role.Names.WORKER, Role.Names.ADMIN})
    public Response activityWatch(@Auth Caller caller, @BeanParam CaptureParams params,
                                  @Parameter(description = IdempotencyKeys.DESCRIPTION)
                                  @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                                  InputStream body) {
        return run(request(CaptureSource.ACTIVITYWATCH, caller, params, null), caller, idempotencyKey, body);
    }

    @Operation(summary = "Import a WakaTime heartbeats export (JSON)", description = "The body is WakaTime's "
            + "heartbeats data export ({range, days: [{date, heartbeats}]}, as WakaTime and wakapi write it). "
            + "A heartbeat lasts until the next one when that comes within timeoutMinutes (WakaTime's 15 by default). "
            + "Rules match category, project, language and entity. A step's mediation, where its rule names none, "
            + "comes from its line changes: GENERATED where AI line changes are at least half, ASSISTED where there "
            + "are any, NONE otherwise; each day reports its AI share of line changes. One task per day, titled "
            + "\"WakaTime\"." + COMMON,
            responses = {
                @ApiResponse(responseCode = "201", description = "Imported: each day and what became of it",
                        content = @Content(schema = @Schema(implementation = CaptureReport.class))),
                @ApiResponse(responseCode = "200", description = "A dry run, or nothing new to import",
                        content = @Content(schema = @Schema(implementation = CaptureReport.class)))})
    @POST
    @Path("/wakatime")
    @RolesAllowed({Role.Names.WORKER, Role.Names.ADMIN})
    public Response wakaTime(@Auth Caller caller, @BeanParam CaptureParams params,
                             @Parameter(description = "Minutes within which the next heartbeat continues one (1-120)")
                             @QueryParam("timeoutMinutes") String timeout,
                             @Parameter(description = IdempotencyKeys.DESCRIPTION)
                             @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                             InputStream body) {
        return run(request(CaptureSource.WAKATIME, caller, params, timeout), caller, idempotencyKey, body);
    }


    /** A request's parameters, checked before the body is read. */
    private record Request(CaptureSource source, Worker owner, ZoneId zone, boolean dryRun, boolean skipInvalid,
                           boolean replaceDays, CapturedDays.Settings settings, int timeoutMinutes) {

        /** What the Idempotency-Key's fingerprint holds besides the body's digest. */
        String describe() {
            return "POST /imports/" + source.id + "?worker=" + owner.handle() + "&zone=" + zone + "&skipInvalid="
                    + skipInvalid + "&replaceDays=" + replaceDays + "&settings=" + settings + "&timeout="
                    + timeoutMinutes;
        }
    }

    private Request request(CaptureSource source, Caller caller, CaptureParams params, String timeout) {
        ZoneId zone = Params.zone("zone", params.zone);
        boolean dry = Params.flag("dryRun", params.dryRun);
        boolean skip = Params.flag("skipInvalid", params.skipInvalid);
        boolean replace = Params.flag("replaceDays", params.replaceDays);
        int bridgeSeconds = Params.integer("bridgeSeconds", params.bridgeSeconds, 0, 3600, settings.getBridgeSeconds());
        int minRunSeconds = Params.integer("minRunSeconds", params.minRunSeconds, 30, 3600,
                settings.getShortestRunSeconds());
        int timeoutMinutes = Params.integer("timeoutMinutes", timeout, 1, 120, settings.getWakaTimeTimeoutMinutes());
        Worker owner = workers.owner(caller, params.worker);
        return new Request(source, owner, zone, dry, skip, replace, new CapturedDays.Settings(bridgeSeconds * 1000L,
                minRunSeconds * 1000L, source.recordsLineChanges), timeoutMinutes);
    }

    private Response run(Request request, Caller caller, String idempotencyKey, InputStream body) {
        RuleBook book = RuleBook.of(rules.read(request.owner()).rules());
        MessageDigest digest = sha256();
        InputStream read = new DigestInputStream(body, digest);
        Capture capture = switch (request.source()) {
            case ACTIVITYWATCH -> ActivityWatch.read(read, request.zone(), book, request.settings());
            case WAKATIME -> WakaTime.read(read, request.zone(), book, request.settings(),
                    request.timeoutMinutes() * 60_000L);
        };
        CapturePlan plan = imports.plan(request.source(), request.owner(), capture, request.replaceDays());
        if (request.dryRun()) {
            return Response.ok(plan.report(true)).build();
        }
        if (!plan.refusals().isEmpty() && !request.skipInvalid()) {
            throw refused(plan);
        }
        return idempotency.once(caller, idempotencyKey,
                () -> IdempotencyKeys.fingerprint(request.describe(), digest.digest()),
                (List<Task> created) -> new StoredAnswer(created.isEmpty() ? 200 : 201, null, null,
                        idempotency.body(plan.report(false))),
                hook -> imports.write(plan, hook));
    }

    private static ApiException refused(CapturePlan plan) {
        List<FieldError> errors = plan.refusals();
        return ApiException.unprocessable(errors.size() + " days cannot be imported; nothing was written. "
                + "Fix them, or send skipInvalid=true to import the others", errors);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
