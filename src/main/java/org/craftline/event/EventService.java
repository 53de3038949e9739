package org.craftline.event;

import java.time.Clock;
import java.util.List;
import org.craftline.db.Transactions;
import org.craftline.db.WriteHook;
import org.craftline.values.Text;
import org.craftline.worker.Worker;
import org.jdbi.v3.core.Jdbi;

/**
 * Records and deletes events, each in a transaction of its own that a {@link WriteHook} can join, and reads a
 * worker's events for other features (the export), which do not reach into this one's DAO.
 */
public final class EventService {

    private final Jdbi jdbi;
    private final Clock clock;

    public EventService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Event create(Worker owner, EventRequest request, WriteHook<Event> hook) {
        return Transactions.write(jdbi, handle -> {
            hook.before(handle);
            EventDao events = handle.attach(EventDao.class);
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
