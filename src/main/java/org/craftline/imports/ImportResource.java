package org.craftline.imports;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.craftline.access.Caller;
import org.craftline.access.Role;
import org.craftline.http.Params;
import org.craftline.idempotency.IdempotencyKeys;
import org.craftline.idempotency.StoredAnswer;
import org.craftline.problem.ApiException;
import org.craftline.problem.Problem.FieldError;
import org.craftline.step.Mode;
import org.craftline.task.Task;
import org.craftline.values.Csv;
import org.craftline.worker.Worker;
import org.craftline.worker.Workers;

/**
 * {@code POST /api/imports/toggl} and {@code /api/imports/clockify}: a tracker's detailed report,
 * CSV as exported, into one worker's log. All or nothing unless {@code skipInvalid=true};
 * {@code dryRun=true} only says what would happen.
 */
@Path("/imports")
@Consumes(Csv.MEDIA_TYPE)
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private static final String DESCRIPTION = "The body is the tracker's detailed report as exported (CSV, UTF-8, "
            + "up to 20 MiB), read as a stream. Rows of one day and one project become one task whose steps are "
            + "the rows; the mode comes from tags (craft, conception, creative / execution, procedural, routine) or "
            + "defaultMode; a tag naming a known tool sets the step's tool. Rows imported before (by fingerprint) "
            + "are skipped, so importing a file twice creates nothing the second time. A rejected row fails the "
            + "whole import (422, each row named) unless skipInvalid=true.";

    private final ImportService imports;
    private final Workers workers;
    private final IdempotencyKeys idempotency;

    public ImportResource(ImportService imports, Workers workers, IdempotencyKeys idempotency) {
        this.imports = imports;
        this.workers = workers;
        this.idempotency = idempotency;
    }

    @Operation(summary = "Import a Toggl Track or Clockify detailed report (CSV)", description = DESCRIPTION,
            requestBody = @RequestBody(content = @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = "string"))),
            responses = {
                @ApiResponse(responseCode = "201", description = "Imported: what was created, skipped and rejected",
                        content = @Content(schema = @Schema(implementation = ImportReport.class))),
                @ApiResponse(responseCode = "200", description = "A dry run, or nothing new to import",
                        content = @Content(schema = @Schema(implementation = ImportReport.class)))})
    @POST
    @Path("/{tracker: toggl|clockify}")
    @RolesAllowed({Role.Names.WORKER, Role.Names.ADMIN})
    public Response importReport(@Auth Caller caller,
                                 @Parameter(description = "Whose export the file is: toggl (Toggl Track) or clockify",
                                         schema = @Schema(allowableValues = {"toggl", "clockify"}))
                                 @PathParam("tracker") String tracker,
                                 @Parameter(description = "The worker the rows belong to; a worker token's own if left out")
                                 @QueryParam("worker") String worker,
                                 @Parameter(description = "CRAFT or EXECUTION, for rows without a mode tag")
                                 @QueryParam("defaultMode") String defaultMode,
                                 @Parameter(description = "true: say what would be imported, write nothing")
                                 @QueryParam("dryRun") String dryRun,
                                 @Parameter(description = "true: import the valid rows and report the others")
                                 @QueryParam("skipInvalid") String skipInvalid,
                                 @Parameter(description = IdempotencyKeys.DESCRIPTION)
                                 @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                                 InputStream body) {
        return run(Tracker.valueOf(tracker.toUpperCase(Locale.ROOT)), caller, worker, defaultMode, dryRun, skipInvalid,
                idempotencyKey, body);
    }

    private Response run(Tracker tracker, Caller caller, String worker, String defaultModeParam, String dryRunParam,
                         String skipInvalidParam, String idempotencyKey, InputStream body) {
        Mode defaultMode = Params.enumValue("defaultMode", defaultModeParam, Mode.class);
        boolean dryRun = Params.flag("dryRun", dryRunParam);
        boolean skipInvalid = Params.flag("skipInvalid", skipInvalidParam);
        Worker owner = workers.owner(caller, worker);
        ImportPlan plan = imports.plan(tracker, owner, body, defaultMode);
        if (dryRun) {
            return Response.ok(plan.report(true, 0)).build();
        }
        if (!plan.rejected().isEmpty() && !skipInvalid) {
            throw refused(plan);
        }
        String request = "POST /imports/" + tracker.id() + "?worker=" + owner.handle() + "&defaultMode=" + defaultMode
                + "&skipInvalid=" + skipInvalid;
        return idempotency.once(caller, idempotencyKey, () -> IdempotencyKeys.fingerprint(request, plan.digest()),
                (List<Task> created) -> new StoredAnswer(created.isEmpty() ? 200 : 201, null, null,
                        idempotency.body(plan.report(false, created.size()))),
                hook -> imports.write(plan, hook));
    }

    private static ApiException refused(ImportPlan plan) {
        List<FieldError> errors = plan.rejected().stream().limit(ImportReport.LISTED)
                .map(row -> new FieldError("row " + row.row(), row.reason())).toList();
        int more = plan.rejected().size() - errors.size();
        return ApiException.unprocessable(plan.rejected().size() + " of " + plan.rows() + " rows cannot be imported"
                + (more > 0 ? " (the first " + errors.size() + " are listed)" : "") + "; nothing was written. Fix them, "
                + "or send skipInvalid=true to import the others", errors);
    }
}
