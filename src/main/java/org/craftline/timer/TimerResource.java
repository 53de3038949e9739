package org.craftline.timer;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.craftline.access.Caller;
import org.craftline.access.Role;
import org.craftline.http.Params;
import org.craftline.task.Task;
import org.craftline.worker.Owner;
import org.craftline.worker.Workers;

/**
 * {@code GET}, {@code PUT} and {@code DELETE /api/me/timer}: the signed-in worker's step timer,
 * started now (by the server's clock), switched, stopped into a step of the day's "Timed steps"
 * task, or dropped. A worker's own token only: a timer is one person's, as they work.
 */
@Path("/me/timer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TimerResource {

    private static final String ZONE = "The worker's time zone (Europe/Berlin): the timer's step goes on the day it "
            + "started there, and a timer past that day's midnight asks to be confirmed. Required to save.";
    private static final String CONFIRM = "true: save a timer that ran past midnight or past the configured limit";

    private final Timers timers;
    private final Workers workers;

    public TimerResource(Timers timers, Workers workers) {
        this.timers = timers;
        this.workers = workers;
    }

    @Operation(summary = "Your timer: running or not; if running, the step, when it started and the seconds since",
            responses = @ApiResponse(responseCode = "200", description = "The timer",
                    content = @Content(schema = @Schema(implementation = Timer.class))))
    @GET
    @RolesAllowed(Role.Names.WORKER)
    public Timer read(@Auth Caller caller) {
        return timers.read(me(caller));
    }

    @Operation(summary = "Start timing a step now; with switch=true, save the running one and start this one",
            responses = @ApiResponse(responseCode = "200", description = "The timer, running",
                    content = @Content(schema = @Schema(implementation = Timer.class))))
    @PUT
    @RolesAllowed(Role.Names.WORKER)
    public Timer start(@Auth Caller caller,
                       @Parameter(description = "true: save the running timer as a step, then start this one")
                       @QueryParam("switch") String switchRunning,
                       @Parameter(description = ZONE) @QueryParam("zone") String zone,
                       @Parameter(description = CONFIRM) @QueryParam("confirm") String confirm,
                       @NotNull @Valid TimerRequest body) {
        boolean switching = Params.flag("switch", switchRunning);
        // A zone is needed only to save the running timer, as a switch does.
        return timers.start(me(caller), body, switching, switching ? Params.zone("zone", zone) : null,
                Params.flag("confirm", confirm));
    }

    @Operation(summary = "Stop the timer: saved as a step of the day's \"Timed steps\" task, or dropped (save=false)",
            responses = {
                @ApiResponse(responseCode = "200", description = "Saved: the task the step went into",
                        content = @Content(schema = @Schema(implementation = Task.class))),
                @ApiResponse(responseCode = "204", description = "Dropped without saving")})
    @DELETE
    @RolesAllowed(Role.Names.WORKER)
    public Response stop(@Auth Caller caller,
                         @Parameter(description = "false: drop the timer without saving a step (default true)")
                         @QueryParam("save") String save,
                         @Parameter(description = ZONE) @QueryParam("zone") String zone,
                         @Parameter(description = CONFIRM) @QueryParam("confirm") String confirm) {
        boolean saving = Params.flag("save", save, true);
        Optional<Task> saved = timers.stop(me(caller), saving, saving ? Params.zone("zone", zone) : null,
                Params.flag("confirm", confirm));
        return saved.map(task -> Response.ok(task).build()).orElse(Response.noContent().build());
    }

    private Owner me(Caller caller) {
        return workers.writeOwner(caller, null);
    }
}
