package org.craftline.worker;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.craftline.access.Caller;
import org.craftline.access.Role;
import org.craftline.db.SqlStates;
import org.craftline.db.Transactions;
import org.craftline.http.Locations;
import org.craftline.problem.ApiException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

@Path("/workers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkerResource {

    private final Jdbi jdbi;
    private final WorkerDao workers;
    private final Workers lookups;
    private final Clock clock;

    public WorkerResource(Jdbi jdbi, Workers lookups, Clock clock) {
        this.jdbi = jdbi;
        this.workers = jdbi.onDemand(WorkerDao.class);
        this.lookups = lookups;
        this.clock = clock;
    }

    @Operation(summary = "Create a worker (admins)",
            responses = @ApiResponse(responseCode = "201", description = "The worker; Location names it",
                    content = @Content(schema = @Schema(implementation = Worker.class))))
    @POST
    @RolesAllowed(Role.Names.ADMIN)
    public Response create(@NotNull @Valid CreateWorkerRequest request) {
        try {
            Transactions.write(jdbi, WorkerDao.class, rows -> rows.insert(request, clock.instant()));
        } catch (UnableToExecuteStatementException e) {
            // The unique constraint decides; checking first would race with another request.
            if (SqlStates.isUniqueViolation(e)) {
                throw ApiException.conflict("A worker with handle '" + request.handle() + "' already exists");
            }
            throw e;
        }
        Worker created = workers.findByHandle(request.handle()).orElseThrow();
        return Locations.header(Response.status(Response.Status.CREATED), Locations.of("workers", created.handle()))
                .entity(created)
                .build();
    }

    @Operation(summary = "All workers (admins), each with the last day they logged work on",
            responses = @ApiResponse(responseCode = "200", description = "The workers",
                    content = @Content(schema = @Schema(implementation = Listing.class))))
    @GET
    @RolesAllowed(Role.Names.ADMIN)
    public Listing list() {
        return new Listing(ListedWorker.all(jdbi, workers));
    }

    @Operation(summary = "One worker",
            responses = @ApiResponse(responseCode = "200", description = "The worker",
                    content = @Content(schema = @Schema(implementation = Worker.class))))
    @GET
    @Path("/{handle}")
    @RolesAllowed({Role.Names.WORKER, Role.Names.ADMIN})
    public Worker get(@Auth Caller caller, @PathParam("handle") String handle) {
        return lookups.visibleTo(caller, handle);
    }

    @Operation(summary = "Move a worker to another team, or out of any (admins)",
            description = "From today on, the worker's days count for the new team; the days before keep counting "
                    + "for the teams they were in then. Weeks a team has published never change.",
            responses = @ApiResponse(responseCode = "200", description = "The worker, in their new team",
                    content = @Content(schema = @Schema(implementation = Worker.class))))
    @PUT
    @Path("/{handle}/team")
    @RolesAllowed(Role.Names.ADMIN)
    public Worker moveToTeam(@Auth Caller caller, @PathParam("handle") String handle,
                             @NotNull @Valid TeamChangeRequest request) {
        Worker worker = lookups.visibleTo(caller, handle);
        if (!Objects.equals(worker.team(), request.team())) {
            Transactions.write(jdbi, WorkerDao.class, rows -> {
                rows.moveToTeam(worker.id(), request.team(), LocalDate.now(clock));
                return null;
            });
        }
        return lookups.visibleTo(caller, handle);
    }

    /** The list wrapper leaves room for pagination without breaking clients. */
    @Schema(name = "WorkerListing")
    public record Listing(List<ListedWorker> items) {
    }


}
