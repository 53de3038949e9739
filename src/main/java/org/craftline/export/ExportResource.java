package org.craftline.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import org.craftline.access.Caller;
import org.craftline.access.Role;
import org.craftline.event.EventService;
import org.craftline.http.Negotiation;
import org.craftline.http.Params;
import org.craftline.problem.ApiException;
import org.craftline.rules.Rules;
import org.craftline.task.TaskService;
import org.craftline.values.Csv;
import org.craftline.values.Text;
import org.craftline.worker.Worker;
import org.craftline.worker.Workers;

/** {@code GET /api/export}: everything of one worker, to take their log elsewhere. */
@Path("/export")
public class ExportResource {

    enum Format {
        JSON(MediaType.APPLICATION_JSON),
        CSV(Csv.MEDIA_TYPE);

        final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    private final ExportWriter writer;
    private final EventService events;
    private final Rules rules;
    private final Workers workers;
    private final Clock clock;

    public ExportResource(TaskService tasks, ObjectMapper json, EventService events, Rules rules, Workers workers,
                          Clock clock) {
        this.writer = new ExportWriter(tasks, json);
        this.events = events;
        this.rules = rules;
        this.workers = workers;
        this.clock = clock;
    }

    /**
     * A worker's own log (a worker token: only its own, {@code worker=} may be left out) or, for an
     * admin, the named worker's. Streamed as it is read; personal data, so never cached.
     */
    @Operation(summary = "Everything of one worker: the worker, every task with its steps, events and rules",
            description = "JSON {worker, exportedAt, tasks, events, rules}, or with Accept: text/csv (or format=csv) one row "
                    + "per step. CSV text cells starting with =, +, -, @, a tab or a carriage return get a leading ' "
                    + "so that spreadsheets show them as text.",
            responses = @ApiResponse(responseCode = "200", description = "The export",
                    content = {
                        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")),
                        @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = "string"))}))
    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Role.Names.WORKER, Role.Names.ADMIN})
    public Response export(@Auth Caller caller, @Context HttpHeaders headers, @QueryParam("worker") String worker,
                           @QueryParam("format") String format) {
        Format answer = Negotiation.choose(Params.enumValue("format", format, Format.class), headers, Format.values(),
                f -> f.mediaType);
        Worker owner = owner(caller, Text.blankToNull(worker));
        StreamingOutput body = answer == Format.JSON
                ? out -> writer.json(out, owner, events.listByWorker(owner.id()), rules.read(owner).rules(),
                        clock.instant())
                : out -> writer.csv(out, owner);
        String file = "craftline-" + owner.handle() + (answer == Format.JSON ? ".json" : ".csv");
        return Response.ok(body, answer.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private Worker owner(Caller caller, String handle) {
        if (handle == null && !caller.isWorker()) {
            throw ApiException.badParameter("worker", "is required: the handle of the worker whose log to export");
        }
        return workers.visibleTo(caller, handle == null ? caller.handle() : handle);
    }
}
