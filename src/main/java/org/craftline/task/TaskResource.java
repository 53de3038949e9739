package org.craftline.task;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.craftline.access.Caller;
import org.craftline.access.Role;
import org.craftline.http.ETags;
import org.craftline.http.Locations;
import org.craftline.http.Params;
import org.craftline.idempotency.IdempotencyKeys;
import org.craftline.idempotency.StoredAnswer;
import org.craftline.step.Mode;
import org.craftline.values.Text;
import org.craftline.worker.Owner;
import org.craftline.worker.Worker;
import org.craftline.worker.Workers;

@Path("/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

    private final TaskService tasks;
    private final Workers workers;
    private final IdempotencyKeys idempotency;

    public TaskResource(TaskService tasks, Workers workers, IdempotencyKeys idempotency) {
        this.tasks = tasks;
        this.workers = workers;
        this.idempotency = idempotency;
    }

    @Operation(summary = "Log a task decomposed into steps",
            responses = @ApiResponse(responseCode = "201", description = "The task as stored; Location and ETag name it",
                    content = @Content(schema = @Schema(implementation = Task.class))))
    @POST
    @RolesAllowed({Role.Names.WORKER, Role.Names.ADMIN})
    public Response create(@Auth Caller caller,
                           @Parameter(description = IdempotencyKeys.DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER)
                           String idempotencyKey,
                           @NotNull @Valid TaskRequest request) {
        Owner owner = workers.writeOwner(caller, request.worker());
        return idempotency.once(caller, idempotencyKey, () -> idempotency.fingerprint("POST /tasks", request),
                this::created, hook -> tasks.create(owner, request, hook));
    }

    private StoredAnswer created(Task task) {
        return new StoredAnswer(201, Locations.of("tasks", task.id()), ETags.of(task.version()), idempotency.body(task));
    }

    @Operation(summary = "Log up to 1,000 tasks at once, all or none",
            description = "The body is {\"tasks\": [...]} (or the array alone), each item what POST /tasks takes. "
                    + "Nothing is stored unless every item is valid; errors name each failing item as tasks[i]. "
                    + "The 1,440-minute day counts the batch's tasks and those already stored.",
            responses = @ApiResponse(responseCode = "201", description = "Every task as stored, in the order sent",
                    content = @Content(schema = @Schema(implementation = TaskBatch.class))))
    @POST
    @Path("/batch")
    @RolesAllowed({Role.Names.WORKER, Role.Names.ADMIN})
    public Response createAll(@Auth Caller caller,
                              @Parameter(description = IdempotencyKeys.DESCRIPTION) @HeaderParam(IdempotencyKeys.HEADER)
                              String idempotencyKey,
                              @NotNull @Valid TaskBatchRequest request) {
        List<NewTask> batch = owned(caller, request.tasks());
        return idempotency.once(caller, idempotencyKey, () -> idempotency.fingerprint("POST /tasks/batch", request),
                (List<Task> created) -> new StoredAnswer(201, null, null, idempotency.body(TaskBatch.of(created))),
                hook -> tasks.createAll(batch, hook));
    }

    /** Each item with its owner ({@link Workers#owners}: errors name their item). */
    private List<NewTask> owned(Caller caller, List<TaskRequest> requests) {
        List<Worker> owners = workers.owners(caller, requests.stream().map(TaskRequest::worker).toList(), "tasks");
        List<NewTask> batch = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            batch.add(new NewTask(owners.get(i), requests.get(i)));
        }
        return batch;
    }

    /** A worker token lists only its own tasks, whatever {@code worker} says. */
    @Operation(summary = "Tasks, newest first, filtered and paged by cursor",
            responses = @ApiResponse(responseCode = "200", description = "A page of tasks",
                    content = @Content(schema = @Schema(implementation = TaskPage.class))))
    @GET
    @RolesAllowed({Role.Names.WORKER, Role.Names.ADMIN})
    public TaskPage list(@Auth Caller caller,
                         @QueryParam("worker") String worker,
                         @QueryParam("from") String from,
                         @QueryParam("to") String to,
                         @QueryParam("mode") String mode,
                         @QueryParam("tool") String tool,
                         @QueryParam("activity") String activity,
                         @QueryParam("limit") String limit,
                         @QueryParam("cursor") String cursor) {
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        Params.requireOrdered(fromDate, toDate);
        return tasks.list(new TaskQuery(workers.listed(caller, worker).orElse(null), fromDate, toDate,
                Params.enumValue("mode", mode, Mode.class),
                Text.blankToNull(tool),
                Text.blankToNull(activity),
                Text.blankToNull(cursor) == null ? null : TaskCursor.parse(cursor),
                Params.integer("limit", limit, 1, TaskQuery.MAX_LIMIT, TaskQuery.DEFAULT_LIMIT)));
    }

    @Operation(summary = "One task with its steps",
            responses = @ApiResponse(responseCode = "200", description = "The task; ETag is its version",
                    content = @Content(schema = @Schema(implementation = Task.class))))
    @GET
    @Path("/{id: [0-9]{1,18}}")
    @RolesAllowed({Role.Names.WORKER, Role.Names.ADMIN})
    public Response get(@Auth Caller caller, @PathParam("id") long id) {
        Task task = tasks.get(caller, id);
        return Response.ok(task).tag(task.entityTag()).build();
    }

    @Operation(summary = "Replace a task; If-Match must carry the ETag of your last read",
            responses = @ApiResponse(responseCode = "200", description = "The task as stored now; ETag is its new version",
                    content = @Content(schema = @Schema(implementation = Task.class))))
    @PUT
    @Path("/{id: [0-9]{1,18}}")
    @RolesAllowed({Role.Names.WORKER, Role.Names.ADMIN})
    public Response replace(@Auth Caller caller,
                            @PathParam("id") long id,
                            @HeaderParam(HttpHeaders.IF_MATCH) List<String> ifMatchLines,
                            @NotNull @Valid TaskRequest request) {
        String ifMatch = ETags.required(ifMatchLines, "a task");
        Task replaced = tasks.replace(caller, id, request, workers.named(request.worker()), ifMatch);
        return Response.ok(replaced).tag(replaced.entityTag()).build();
    }

    /** If-Match is optional here; when given, a stale one is refused like on PUT. */
    @Operation(summary = "Delete a task",
            responses = @ApiResponse(responseCode = "204", description = "Deleted"))
    @DELETE
    @Path("/{id: [0-9]{1,18}}")
    @RolesAllowed({Role.Names.WORKER, Role.Names.ADMIN})
    public Response delete(@Auth Caller caller, @PathParam("id") long id,
                           @HeaderParam(HttpHeaders.IF_MATCH) List<String> ifMatchLines) {
        tasks.delete(caller, id, ETags.header(ifMatchLines));
        return Response.noContent().build();
    }
}
