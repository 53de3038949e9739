package org.craftline.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.craftline.access.Caller;
import org.craftline.access.Role;
import org.craftline.db.WriteHook;
import org.craftline.problem.ApiException;
import org.craftline.values.Clocks;
import org.craftline.worker.CreateWorkerRequest;
import org.craftline.worker.Worker;
import org.craftline.worker.WorkerDao;
import org.jdbi.v3.core.Jdbi;

/** Random task writes through the service, for the property tests of what every write keeps. */
public final class TaskWrites {

    public enum Kind { CREATE, BATCH, REPLACE, DELETE }

    private static final Caller ADMIN = new Caller(0, null, null, Role.ADMIN);

    private TaskWrites() {
    }

    /**
     * Creates, creates two copies in one batch, replaces or deletes ({@code target} picks, modulo,
     * among the tasks {@code alive}); a create when nothing is alive. A write that would overfill a
     * day must be refused with 422.
     */
    public static void apply(TaskService tasks, Kind kind, int target, Worker worker, TaskRequest request,
                             List<Long> alive) {
        try {
            if (kind == Kind.CREATE || alive.isEmpty()) {
                alive.add(tasks.create(worker, request).id());
            } else if (kind == Kind.BATCH) {
                NewTask task = new NewTask(worker, request);
                tasks.createAll(List.of(task, task), WriteHook.none()).forEach(created -> alive.add(created.id()));
            } else if (kind == Kind.REPLACE) {
                tasks.replace(ADMIN, alive.get(target % alive.size()), request,
                        request.worker() == null ? Optional.empty() : Optional.of(worker), null);
            } else {
                tasks.delete(ADMIN, alive.remove(target % alive.size()), null);
            }
        } catch (ApiException overADay) {
            assertThat(overADay.status()).isEqualTo(422);
        }
    }

    /** A new worker with a random handle, in {@code team} (null for none). */
    public static Worker newWorker(Jdbi jdbi, String team) {
        String handle = "w" + UUID.randomUUID().toString().substring(0, 8);
        WorkerDao workers = jdbi.onDemand(WorkerDao.class);
        workers.insert(new CreateWorkerRequest(handle, handle, null, null, team), Clocks.system().instant());
        return workers.findByHandle(handle).orElseThrow();
    }
}
