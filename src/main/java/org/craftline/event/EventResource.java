package org.craftline.event;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.craftline.common.ApiException;
import org.craftline.common.Params;
import org.craftline.worker.Worker;
import org.craftline.worker.WorkerDao;

@Path("/api/events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EventResource {

    private final EventDao events;
    private final WorkerDao workers;
    private final Clock clock;

    public EventResource(EventDao events, WorkerDao workers, Clock clock) {
        this.events = events;
        this.workers = workers;
        this.clock = clock;
    }

    @POST
    public Response create(@NotNull @Valid EventRequest request, @Context UriInfo uri) {
        Worker worker = workers.findByHandle(request.worker()).orElseThrow(() ->
                ApiException.unprocessable("worker", "is not a known worker handle: '" + request.worker() + "'"));
        String tool = request.tool() == null || request.tool().isBlank() ? null : request.tool().trim();
        long id = events.insert(worker.id(), request.date(), request.label().trim(), tool,
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        return Response.created(uri.getBaseUriBuilder().path("api/events/{id}").build(id))
                .entity(find(id))
                .build();
    }

    @GET
    public Listing list(@QueryParam("worker") String worker) {
        String handle = Params.text(worker);
        if (handle == null) {
            return new Listing(events.listAll());
        }
        Worker owner = workers.findByHandle(handle)
                .orElseThrow(() -> ApiException.notFound("No worker with handle '" + handle + "'"));
        return new Listing(events.listByWorker(owner.id()));
    }

    @GET
    @Path("/{id: [0-9]{1,18}}")
    public Event get(@PathParam("id") long id) {
        return find(id);
    }

    @DELETE
    @Path("/{id: [0-9]{1,18}}")
    public Response delete(@PathParam("id") long id) {
        if (events.delete(id) == 0) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    private Event find(long id) {
        return events.findById(id).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("No event with id " + id);
    }

    public record Listing(List<Event> items) {
    }
}
