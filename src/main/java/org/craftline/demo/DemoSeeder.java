package org.craftline.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.craftline.db.Transactions;
import org.craftline.db.WriteHook;
import org.craftline.event.EventRequest;
import org.craftline.event.EventService;
import org.craftline.task.TaskRequest;
import org.craftline.task.TaskService;
import org.craftline.worker.CreateWorkerRequest;
import org.craftline.worker.Worker;
import org.craftline.worker.WorkerDao;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes the demo story into a database through the same service the API uses, so the demo obeys
 * every rule real data does. A worker who already exists is left alone, whether an earlier demo run
 * made them or a real person has that handle: running the demo twice adds nothing.
 */
public final class DemoSeeder {

    private final Jdbi jdbi;
    private final WorkerDao workers;
    private final EventService events;
    private final TaskService tasks;
    private final Clock clock;

    public DemoSeeder(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.workers = jdbi.onDemand(WorkerDao.class);
        this.events = new EventService(jdbi, clock);
        this.tasks = new TaskService(jdbi, clock);
        this.clock = clock;
    }

    /** What a run did: the workers it wrote and those it found already there. */
    public record Outcome(List<String> seeded, List<String> skipped, int tasks) {
    }

    public Outcome seed() {
        return seed(DemoStory.FIRST_DAY, DemoStory.LAST_DAY);
    }

    /**
     * Seeds the story's days from {@code first} to {@code last} only, each drawn exactly as the
     * whole year draws it, with the events in that range: a shorter story for tests.
     */
    Outcome seed(LocalDate first, LocalDate last) {
        List<String> seeded = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int written = 0;
        for (DemoWorker worker : DemoStory.team()) {
            if (workers.findByHandle(worker.handle()).isPresent()) {
                skipped.add(worker.handle());
                continue;
            }
            written += seed(worker, first, last);
            seeded.add(worker.handle());
        }
        if (workers.findByHandle(CapturedArtist.HANDLE).isPresent()) {
            skipped.add(CapturedArtist.HANDLE);
        } else {
            written += seedCapturedArtist(first, last);
            seeded.add(CapturedArtist.HANDLE);
        }
        return new Outcome(seeded, skipped, written);
    }

    /** Rin, outside the team (whose story is told by hand), her year through the ActivityWatch import. */
    private int seedCapturedArtist(LocalDate first, LocalDate last) {
        CreateWorkerRequest request = new CreateWorkerRequest(CapturedArtist.HANDLE, "Rin",
                "3D artist, logged by ActivityWatch", "27-1014.00", null);
        Transactions.write(jdbi, WorkerDao.class, rows -> rows.insert(request, now()));
        Worker rin = workers.findByHandle(CapturedArtist.HANDLE).orElseThrow();
        int written = CapturedArtist.seed(jdbi, clock, rin, first, last);
        if (!DemoStory.MIDJOURNEY_V5.isBefore(first) && !DemoStory.MIDJOURNEY_V5.isAfter(last)) {
            events.create(rin, new EventRequest(rin.handle(), DemoStory.MIDJOURNEY_V5, "adopted Midjourney v5",
                    "Midjourney"), WriteHook.none());
        }
        return written;
    }

    private int seed(DemoWorker worker, LocalDate first, LocalDate last) {
        CreateWorkerRequest request = new CreateWorkerRequest(worker.handle(), worker.displayName(),
                worker.occupation(), "27-1014.00", DemoStory.TEAM);
        Transactions.write(jdbi, WorkerDao.class, rows -> rows.insert(request, now()));
        Worker owner = workers.findByHandle(worker.handle()).orElseThrow();
        // A fixed seed per worker: String.hashCode is specified, so every run draws the same year.
        Random random = new Random(worker.handle().hashCode());
        int written = 0;
        for (LocalDate date = DemoStory.FIRST_DAY; !date.isAfter(last); date = date.plusDays(1)) {
            // Days before the range are drawn too, so the range holds the same days as the whole year.
            List<DemoWorker.DemoTask> day = worker.day().on(date, random);
            if (date.isBefore(first)) {
                continue;
            }
            for (DemoWorker.DemoTask task : day) {
                tasks.create(owner, new TaskRequest(null, date, task.title(), null, task.steps()));
                written++;
            }
        }
        for (DemoWorker.Event event : worker.events()) {
            if (!event.date().isBefore(first) && !event.date().isAfter(last)) {
                events.create(owner, new EventRequest(owner.handle(), event.date(), event.label(), event.tool()),
                        WriteHook.none());
            }
        }
        return written;
    }

    private Instant now() {
        return clock.instant();
    }
}
