package org.craftline.event;

import java.time.Clock;
import org.craftline.common.Text;
import org.craftline.common.WriteHook;
import org.craftline.worker.Worker;
import org.jdbi.v3.core.Jdbi;

/** Records events, each in a transaction of its own that a {@link WriteHook} can join. */
public final class EventService {

    private final Jdbi jdbi;
    private final Clock clock;

    public EventService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Event create(Worker owner, EventRequest request, WriteHook<Event> hook) {
        return jdbi.inTransaction(handle -> {
            hook.before(handle);
            EventDao events = handle.attach(EventDao.class);
            long id = events.insert(owner.id(), request.date(), request.label().trim(), Text.blankToNull(request.tool()),
                    clock.instant());
            Event created = events.findById(id).orElseThrow();
            hook.after(handle, created);
            return created;
        });
    }
}
