package org.craftline.task;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.craftline.access.Caller;
import org.craftline.db.GroupCommit;
import org.craftline.db.Transactions;
import org.craftline.db.WriteHook;
import org.craftline.http.ETags;
import org.craftline.problem.ApiException;
import org.craftline.rollup.WorkerDayLedger;
import org.craftline.step.Step;
import org.craftline.task.TaskDao.LockedTask;
import org.craftline.task.TaskDao.StepRow;
import org.craftline.task.TaskDao.TaskStepRow;
import org.craftline.worker.Owner;
import org.craftline.worker.Worker;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.result.ResultIterator;

/**
 * Writes a task, its steps and the rows of the days it touches in one transaction, and reads
 * tasks back with their steps. Holds the rules that span tables: a day's 1,440 minutes, the day
 * rollups (both through {@link WorkerDayLedger}) and optimistic versions.
 */
public final class TaskService {

    /**
     * The most single tasks written in one transaction: enough for every connection of a full pool
     * to be in one group, well under a batch's 1,000.
     */
    static final int MAX_GROUP = 100;

    private final Jdbi jdbi;
    private final Clock clock;
    private final GroupCommit<Creation, Task> creations =
            new GroupCommit<>(this::createTogether, this::createAlone, MAX_GROUP);

    public TaskService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Task create(Owner owner, TaskRequest request) {
        return create(owner, request, WriteHook.none());
    }

    /**
     * The task comes back as stored, built from what was written and the generated id rather than
     * read back: every value is the one sent to the database, instants included (the clock
     * ticks at the databases' precision).
     *
     * <p>Tasks created at the same time commit together ({@link GroupCommit}), each with its own answer.
     *
     * @param owner the worker the task is for, as {@link org.craftline.worker.Workers#writeOwner} resolved it
     * @param hook  work to do in the same transaction, before and after the write
     */
    public Task create(Owner owner, TaskRequest request, WriteHook<Task> hook) {
        return creations.submit(new Creation(owner, request, hook));
    }

    /** One task of {@link #create}, waiting for its group. */
    private record Creation(Owner owner, TaskRequest request, WriteHook<Task> hook) {
    }

    /** A group of single tasks as one batch, with each task's hook around it. */
    private List<Task> createTogether(List<Creation> group) {
        List<NewTask> batch = group.stream().map(creation -> new NewTask(creation.owner(), creation.request())).toList();
        return createAll(batch, new WriteHook<>() {
            @Override
            public void before(Handle handle) {
                group.forEach(creation -> creation.hook().before(handle));
            }

            @Override
            public void after(Handle handle, List<Task> created) {
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).hook().after(handle, created.get(i));
                }
            }
        });
    }

    private Task createAlone(Creation creation) {
        Owner owner = creation.owner();
        TaskRequest request = creation.request();
        WriteHook<Task> hook = creation.hook();
        List<Step> steps = request.normalizedSteps();
        String title = request.normalizedTitle();
        String notes = request.normalizedNotes();
        return Transactions.write(jdbi, handle -> {
            hook.before(handle);
            TaskDao tasks = handle.attach(TaskDao.class);
            WorkerDayLedger days = WorkerDayLedger.lock(tasks.getHandle(), owner.id(), request.date());
            Instant now = now();
            long id = tasks.insert(owner.id(), request.date(), title, notes, now);
            tasks.insertSteps(id, owner.id(), request.date(), steps);
            days.refresh(request.date(), steps);
            Task created = Task.of(new TaskRow(id, owner.id(), owner.handle(), request.date(), title, notes, 1, now,
                    now), steps);
            hook.after(handle, created);
            return created;
        });
    }

    /**
     * Creates every task or none, in one transaction: the days of every owner are locked first
     * (owners by id, days by date, so racing writes cannot wait on each other in a circle), the
     * tasks and steps go in as two batches, and each owner's days and months are refreshed as
     * single writes refresh them. A day over 1,440 minutes, counting the batch's tasks on it and
     * those already stored, fails the batch with an error for each of its items on that day
     * ({@code tasks[i].steps}).
     */
    public List<Task> createAll(List<NewTask> batch, WriteHook<List<Task>> hook) {
        return createAll(batch, List.of(), hook);
    }

    /**
     * {@link #createAll(List, WriteHook)}, deleting the tasks {@code replacing} names in the same
     * transaction (those still there: a task deleted since is passed over); the days they were on
     * are refreshed with the batch's. An import that replaces what it imported before uses it: the
     * day is never seen without either.
     */
    public List<Task> createAll(List<NewTask> batch, Collection<Long> replacing, WriteHook<List<Task>> hook) {
        List<List<Step>> steps = batch.stream().map(task -> task.request().normalizedSteps()).toList();
        return Transactions.write(jdbi, handle -> {
            hook.before(handle);
            TaskDao tasks = handle.attach(TaskDao.class);
            Map<Long, Set<LocalDate>> datesByOwner = new TreeMap<>();
            batch.forEach(task -> datesByOwner.computeIfAbsent(task.owner().id(), owner -> new TreeSet<>())
                    .add(task.request().date()));
            List<LockedTask> replaced = replacing.stream().sorted().map(tasks::lockById).flatMap(Optional::stream)
                    .toList();
            replaced.forEach(task -> datesByOwner.computeIfAbsent(task.workerId(), owner -> new TreeSet<>())
                    .add(task.workDate()));
            WorkerDayLedger days = WorkerDayLedger.lock(tasks.getHandle(), datesByOwner);
            for (LockedTask task : replaced) {
                tasks.deleteSteps(task.id());
                tasks.delete(task.id());
            }
            Instant now = now();
            List<Long> ids = tasks.insertAll(batch, now);
            List<TaskDao.TaskSteps> stored = new ArrayList<>(batch.size());
            Map<Long, Map<LocalDate, List<Step>>> written = new TreeMap<>();
            Map<Long, Map<LocalDate, List<String>>> fields = new TreeMap<>();
            for (int i = 0; i < batch.size(); i++) {
                long owner = batch.get(i).owner().id();
                LocalDate date = batch.get(i).request().date();
                stored.add(new TaskDao.TaskSteps(ids.get(i), owner, date, steps.get(i)));
                written.computeIfAbsent(owner, o -> new TreeMap<>()).computeIfAbsent(date, d -> new ArrayList<>())
                        .addAll(steps.get(i));
                fields.computeIfAbsent(owner, o -> new TreeMap<>()).computeIfAbsent(date, d -> new ArrayList<>())
                        .add("tasks[" + i + "].steps");
            }
            tasks.insertSteps(stored);
            days.refresh(written, (owner, date) -> fields.getOrDefault(owner, Map.of()).getOrDefault(date, List.of()));
            List<Task> created = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                NewTask task = batch.get(i);
                created.add(Task.of(new TaskRow(ids.get(i), task.owner().id(), task.owner().handle(),
                        task.request().date(), task.request().normalizedTitle(), task.request().normalizedNotes(), 1,
                        now, now), steps.get(i)));
            }
            hook.after(handle, created);
            return created;
        });
    }

    /**
     * Adds {@code step} as the last step of the worker's task titled {@code title} on {@code date},
     * made if there is none with room (a task holds at most 100 steps), in one transaction with
     * {@code hook}'s work; the day's 1,440 minutes hold as for any write. The step timer saves
     * through it.
     */
    public Task appendStep(Owner owner, LocalDate date, String title, Step step, WriteHook<Task> hook) {
        Step added = step.normalized();
        return Transactions.write(jdbi, handle -> {
            hook.before(handle);
            TaskDao tasks = handle.attach(TaskDao.class);
            WorkerDayLedger days = WorkerDayLedger.lock(tasks.getHandle(), owner.id(), date);
            Optional<Long> withRoom = tasks.findWithRoom(owner.id(), date, title, TaskRequest.MAX_STEPS);
            long id;
            if (withRoom.isPresent()) {
                id = withRoom.get();
                Task current = read(tasks, id);
                List<Step> steps = new ArrayList<>(current.steps());
                steps.add(added);
                tasks.deleteSteps(id);
                tasks.update(id, date, current.title(), current.notes(), now());
                tasks.insertSteps(id, owner.id(), date, steps);
            } else {
                id = tasks.insert(owner.id(), date, title, null, now());
                tasks.insertSteps(id, owner.id(), date, List.of(added));
            }
            days.refresh(date, List.of(added));
            Task saved = read(tasks, id);
            hook.after(handle, saved);
            return saved;
        });
    }

    /**
     * Another worker's task is reported exactly like a missing one, here and in every method below.
     *
     * @param named the worker the body's {@code worker} names ({@link org.craftline.worker.Workers#named}),
     *              which must be the task's own: a task stays with the worker who logged it
     */
    public Task replace(Caller caller, long id, TaskRequest request, Optional<Worker> named, String ifMatch) {
        List<Step> steps = request.normalizedSteps();
        return Transactions.write(jdbi, handle -> {
            TaskDao tasks = handle.attach(TaskDao.class);
            LockedTask current = lockMatching(tasks, caller, id, ifMatch);
            if (request.worker() != null && named.map(Worker::id).filter(owner -> owner == current.workerId()).isEmpty()) {
                throw ApiException.unprocessable("worker", "cannot change: a task stays with the worker who logged it");
            }
            WorkerDayLedger days = WorkerDayLedger.lock(tasks.getHandle(), current.workerId(), current.workDate(),
                    request.date());
            // Steps reference the task's date through a foreign key: remove them before the date moves.
            tasks.deleteSteps(id);
            tasks.update(id, request.date(), request.normalizedTitle(), request.normalizedNotes(), now());
            tasks.insertSteps(id, current.workerId(), request.date(), steps);
            days.refresh(request.date(), steps);
            return read(tasks, id);
        });
    }

    public void delete(Caller caller, long id, String ifMatch) {
        Transactions.write(jdbi, handle -> {
            TaskDao tasks = handle.attach(TaskDao.class);
            LockedTask current = lockMatching(tasks, caller, id, ifMatch);
            WorkerDayLedger days = WorkerDayLedger.lock(tasks.getHandle(), current.workerId(), current.workDate());
            tasks.deleteSteps(id);
            tasks.delete(id);
            days.refresh(null, List.of());
            return id;
        });
    }

    Task get(Caller caller, long id) {
        return jdbi.withHandle(handle -> {
            TaskDao tasks = handle.attach(TaskDao.class);
            TaskRow row = tasks.findById(id)
                    .filter(found -> caller.mayAccess(found.workerId()))
                    .orElseThrow(() -> notFound(id));
            return withSteps(tasks, List.of(row)).get(0);
        });
    }

    TaskPage list(TaskQuery query) {
        return jdbi.withHandle(handle -> {
            TaskDao tasks = handle.attach(TaskDao.class);
            List<TaskRow> rows = tasks.list(query);
            boolean more = rows.size() > query.limit();
            List<TaskRow> page = more ? rows.subList(0, query.limit()) : rows;
            List<Task> items = withSteps(tasks, page);
            String next = more ? TaskCursor.after(page.get(page.size() - 1)) : null;
            return new TaskPage(items, next);
        });
    }

    /**
     * Hands every task of the worker to {@code each}, oldest first, with its steps, one task at a
     * time: an export of any size in constant memory.
     */
    public void forEachTask(long workerId, Consumer<Task> each) {
        Transactions.read(jdbi, handle -> {
            try (ResultIterator<TaskStepRow> rows = handle.attach(TaskDao.class).streamOfWorker(workerId).iterator()) {
                List<Step> steps = new ArrayList<>();
                TaskStepRow task = null;
                while (rows.hasNext()) {
                    TaskStepRow row = rows.next();
                    if (task != null && task.task().id() != row.task().id()) {
                        each.accept(Task.of(task.task(), List.copyOf(steps)));
                        steps.clear();
                    }
                    task = row;
                    steps.add(row.step());
                }
                if (task != null) {
                    each.accept(Task.of(task.task(), List.copyOf(steps)));
                }
            }
        });
    }

    private static LockedTask lockMatching(TaskDao tasks, Caller caller, long id, String ifMatch) {
        LockedTask current = tasks.lockById(id)
                .filter(found -> caller.mayAccess(found.workerId()))
                .orElseThrow(() -> notFound(id));
        ETags.check(ifMatch, current.version(), "Task " + id);
        return current;
    }

    private static Task read(TaskDao tasks, long id) {
        TaskRow row = tasks.findById(id).orElseThrow(() -> notFound(id));
        return withSteps(tasks, List.of(row)).get(0);
    }

    private static List<Task> withSteps(TaskDao tasks, List<TaskRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Step>> steps = tasks
                .listStepsByTaskIds(rows.stream().map(TaskRow::id).toList()).stream()
                .collect(Collectors.groupingBy(StepRow::taskId,
                        Collectors.mapping(StepRow::step, Collectors.toList())));
        return rows.stream().map(row -> Task.of(row, steps.getOrDefault(row.id(), List.of()))).toList();
    }

    private Instant now() {
        return clock.instant();
    }

    static ApiException notFound(long id) {
        return ApiException.notFound("No task with id " + id);
    }
}
