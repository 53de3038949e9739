package org.craftline.event;

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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.craftline.access.Caller;
import org.craftline.access.Role;
import org.craftline.http.Locations;
import org.craftline.idempotency.IdempotencyKeys;
import org.craftline.idempotency.StoredAnswer;
import org.craftline.problem.ApiException;
import org.craftline.worker.Owner;
import org.craftline.worker.Workers;

@Path("/events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EventResource {

    private final EventDao events;
    private final EventService writes;
    private final Workers workers;
    private final IdempotencyKeys idempotency;

    public EventResource(EventDao events, EventService writes, Workers workers, IdempotencyKeys idempotency) {
        this.events = events;
        this.writes = writes;
        this.workers = workers;
        this.idempotency = idempotency;
    }

    @Operation(summary = "Record a dated event, such as adopting a tool",
            responses = @ApiResponse(responseCode = "201", description = "The event; Location names it",
                    content = @Content(schema = @Schema(implementation = Event.class))))
    @POST
    @RolesAllowed({Role.Names.WORKER, Role.Names.ADMIN})
    public Response create(@Auth Caller caller,
                           @Parameter(description = IdempotencyKeys.DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER)
                           String idempotencyKey,
                           @NotNull @Valid EventRequest request) {
        Owner owner = workers.writeOwner(caller, request.worker());
        return idempotency.<Event>once(caller, idempotencyKey, () -> idempotency.fingerprint("POST /events", request),
                event -> new StoredAnswer(201, Locations.of("events", event.id()), null, idempotency.body(event)),
                hook -> writes.create(owner, request, hook));
    }

    /** A worker token lists only its own events, whatever {@code worker} says. */
    @Operation(summary = "Events, of one worker or all the caller may see",
            responses = @ApiResponse(responseCode = "200", description = "The events",
                    content = @Content(schema = @Schema(implementation = Listing.class))))
    @GET
    @RolesAllowed({Role.Names.WORKER, Role.Names.ADMIN})
    public Listing list(@Auth Caller caller, @QueryParam("worker") String worker) {
        return new Listing(workers.listed(caller, worker).map(events::listByWorker).orElseGet(events::listAll));
    }

    @Operation(summary = "One event",
            responses = @ApiResponse(responseCode = "200", description = "The event",
                    content = @Content(schema = @Schema(implementation = Event.class))))
    @GET
    @Path("/{id: [0-9]{1,18}}")
    @RolesAllowed({Role.Names.WORKER, Role.Names.ADMIN})
    public Event get(@Auth Caller caller, @PathParam("id") long id) {
        return find(caller, id);
    }

    @Operation(summary = "Delete an event",
            responses = @ApiResponse(responseCode = "204", description = "Deleted"))
    @DELETE
    @Path("/{id: [0-9]{1,18}}")
    @RolesAllowed({Role.Names.WORKER, Role.Names.ADMIN})
    public Response delete(@Auth Caller caller, @PathParam("id") long id) {
        writes.delete(find(caller, id).id());
        return Response.noContent().build();
    }

    /** Another worker's event is reported exactly like a missing one. */
    private Event find(Caller caller, long id) {
        return events.findById(id)
                .filter(event -> caller.mayAccess(event.workerId()))
                .orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("No event with id " + id);
    }

    @Schema(name = "EventListing")
    public record Listing(List<Event> items) {
    }
}
