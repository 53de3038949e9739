package org.craftline.worker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.craftline.access.Caller;
import org.craftline.problem.ApiException;
import org.craftline.problem.Problem.FieldError;
import org.craftline.values.Text;

/**
 * Which worker a request is about, resolved once for every feature: the worker a body acts for,
 * the worker a path names, the worker a listing shows. Each answer applies the caller's access
 * rule ({@link Caller#mayAccess}); imports and exports resolve their owner here too.
 */
public final class Workers {

    private static final int HANDLES_A_STATEMENT = 1000;
    private static final String REQUIRED = "is required: the handle of the worker this belongs to";

    private final WorkerDao workers;

    public Workers(WorkerDao workers) {
        this.workers = workers;
    }

    /**
     * The worker a request body acts for. A worker token acts for its own worker: it may leave
     * {@code worker} out, and naming someone else is refused (403). An admin must name the worker,
     * and an unknown handle is a bad body (422), not a missing resource.
     */
    public Worker owner(Caller caller, String requestedHandle) {
        String handle = actingHandle(caller, requestedHandle);
        if (handle == null) {
            throw ApiException.unprocessable("worker", REQUIRED);
        }
        return workers.findByHandle(handle).orElseThrow(() -> ApiException.unprocessable("worker", unknown(handle)));
    }

    /**
     * {@link #owner} as far as a write needs it (a task, an event, the timer), by the same rule. For
     * a worker token it reads nothing: the caller was found with its worker's id and handle moments
     * ago ({@code auth/TokenDao.findCaller}), and a second query per write cost PostgreSQL's
     * single-task POSTs 12-15% of their throughput (docs/performance.md).
     */
    public Owner writeOwner(Caller caller, String requestedHandle) {
        String handle = actingHandle(caller, requestedHandle);
        if (caller.isWorker()) {
            return new CallerOwner(caller.workerId(), handle);
        }
        return owner(caller, requestedHandle);
    }

    /** A worker token's worker, as its caller names it. */
    private record CallerOwner(long id, String handle) implements Owner {
    }

    /**
     * The owners of a batch's items, by the same rule as {@link #owner}: a missing or unknown
     * handle is an error of its item ({@code tasks[3].worker}), all of them reported together in
     * one 422; a worker token naming anyone else is refused outright (403).
     *
     * @param items what the body calls its list, for the errors' field names
     */
    public List<Worker> owners(Caller caller, List<String> requestedHandles, String items) {
        List<String> handles = requestedHandles.stream().map(handle -> actingHandle(caller, handle)).toList();
        Map<String, Worker> known = byHandle(handles);
        List<Worker> owners = new ArrayList<>(requestedHandles.size());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < handles.size(); i++) {
            String handle = handles.get(i);
            String field = items + "[" + i + "].worker";
            Optional<Worker> owner = Optional.ofNullable(handle).map(known::get);
            owner.ifPresent(owners::add);
            if (owner.isEmpty()) {
                errors.add(new FieldError(field, handle == null ? REQUIRED : unknown(handle)));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable(errors);
        }
        return owners;
    }

    /** The workers these handles name, a statement for up to 1,000 of them (a batch names up to 1,000 items). */
    private Map<String, Worker> byHandle(List<String> handles) {
        List<String> distinct = handles.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, Worker> known = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += HANDLES_A_STATEMENT) {
            workers.findByHandles(distinct.subList(from, Math.min(distinct.size(), from + HANDLES_A_STATEMENT)))
                    .forEach(worker -> known.put(worker.handle(), worker));
        }
        return known;
    }

    /**
     * The worker a body names, found without the caller's access rule: only for checks that
     * compare it with what a row already holds (a task stays with its worker), never to read or
     * write for them. Unknown and someone else's look alike to such a check.
     */
    public Optional<Worker> named(String handle) {
        return handle == null ? Optional.empty() : workers.findByHandle(handle);
    }

    /** The handle a body acts for: the worker token's own, or the one an admin names (null if none). */
    private static String actingHandle(Caller caller, String requestedHandle) {
        if (caller.isWorker() && requestedHandle != null && !requestedHandle.equals(caller.handle())) {
            throw ApiException.forbidden("A worker token acts only for its own worker ('" + caller.handle() + "')");
        }
        return caller.isWorker() ? caller.handle() : requestedHandle;
    }

    private static String unknown(String handle) {
        return "is not a known worker handle: '" + handle + "'";
    }

    /**
     * The worker with this handle, if the caller may see them: an admin sees anyone, a worker only
     * themselves. Anyone else gets exactly the answer an unknown handle gets, so a worker token
     * cannot even learn which handles exist.
     */
    public Worker visibleTo(Caller caller, String handle) {
        return workers.findByHandle(handle)
                .filter(worker -> caller.mayAccess(worker.id()))
                .orElseThrow(() -> notFound(handle));
    }

    /**
     * Whose rows a listing shows: a worker token only its own, whatever {@code worker=} says; an
     * admin the named worker's (404 for an unknown handle), or everyone's (empty) when none is named.
     */
    public Optional<Long> listed(Caller caller, String requestedHandle) {
        if (caller.isWorker()) {
            return Optional.of(caller.workerId());
        }
        String handle = Text.blankToNull(requestedHandle);
        return handle == null ? Optional.empty() : Optional.of(visibleTo(caller, handle).id());
    }

    private static ApiException notFound(String handle) {
        return ApiException.notFound("No worker with handle '" + handle + "'");
    }
}
