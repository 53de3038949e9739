package org.craftline.event;

import java.time.Clock;
import java.util.List;
import org.craftline.db.Transactions;
import org.craftline.db.WriteHook;
import org.craftline.problem.ApiException;
import org.craftline.values.Text;
import org.craftline.worker.Owner;
import org.craftline.worker.WorkerDao;
import org.jdbi.v3.core.Jdbi;

/**
 * Records and deletes events, each in a transaction of its own that a {@link WriteHook} can join,
 * and reads a worker's events for other features (the export), which do not reach into this one's DAO.
 */
public final class EventService {

    /**
     * Events one worker may hold. An event marks a rare turn in someone's work (a new tool, a new
     * process), and each one costs every report of theirs a before/after comparison.
     */
    public static final int MAX_PER_WORKER = 500;

    private final Jdbi jdbi;
    private final Clock clock;

    public EventService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Event create(Owner owner, EventRequest request, WriteHook<Event> hook) {
        return Transactions.write(jdbi, handle -> {
            hook.before(handle);
            EventDao events = handle.attach(EventDao.class);
            // The worker's row is the lock: two requests at once cannot both take the last place.
            handle.attach(WorkerDao.class).lockWorker(owner.id());
            if (events.countByWorker(owner.id()) >= MAX_PER_WORKER) {
                throw ApiException.limitReached(owner.handle() + " already has " + MAX_PER_WORKER
                        + " events, as many as one worker may; delete one (DELETE /api/events/{id}) first");
            }
            long id = events.insert(owner.id(), request.date(), request.label().trim(), Text.blankToNull(request.tool()),
                    clock.instant());
            Event created = events.findById(id).orElseThrow();
            hook.after(handle, created);
            return created;
        });
    }

    public void delete(long id) {
        Transactions.write(jdbi, EventDao.class, events -> events.delete(id));
    }

    /** A worker's events, in date order. */
    public List<Event> listByWorker(long workerId) {
        return jdbi.withExtension(EventDao.class, events -> events.listByWorker(workerId));
    }
}
