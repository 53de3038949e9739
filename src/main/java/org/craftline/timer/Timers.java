package org.craftline.timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.craftline.db.Transactions;
import org.craftline.db.WriteHook;
import org.craftline.problem.ApiException;
import org.craftline.rollup.WorkerDayLedger;
import org.craftline.step.Step;
import org.craftline.task.Task;
import org.craftline.task.TaskService;
import org.craftline.worker.Owner;
import org.craftline.worker.WorkerDao;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A worker's step timer, kept on the server so that a reload or another device shows the same one.
 * Stopping it saves a step of its minutes in the day's "Timed steps" task, on the day it started in
 * the worker's zone, through the same write as any step (the day's 1,440 minutes hold); a timer
 * that ran past that day's midnight or longer than {@code maxMinutes} is saved only when the
 * worker confirms (409 until then). Every change of one worker's timer takes the worker's row lock
 * first, so a stop, a switch and a start never cross.
 */
public final class Timers {

    /** The title of the task timed steps are saved in. */
    public static final String TASK_TITLE = "Timed steps";

    private final Jdbi jdbi;
    private final TaskService tasks;
    private final Clock clock;
    private final int maxMinutes;

    public Timers(Jdbi jdbi, TaskService tasks, Clock clock, int maxMinutes) {
        this.jdbi = jdbi;
        this.tasks = tasks;
        this.clock = clock;
        this.maxMinutes = maxMinutes;
    }

    public Timer read(Owner worker) {
        return jdbi.withExtension(TimerDao.class, timers -> timers.find(worker.id())).map(this::shown)
                .orElse(Timer.NONE);
    }

    /**
     * Starts timing {@code request} now. With a timer running, 409, unless {@code switchRunning}:
     * then the running one is saved as {@link #stop} saves it (zone and confirmation as there) and
     * the new one starts in the same transaction. {@code zone} may be null only without a switch.
     */
    public Timer start(Owner worker, TimerRequest request, boolean switchRunning, ZoneId zone, boolean confirm) {
        Optional<TimerDao.Running> running = jdbi.withExtension(TimerDao.class, timers -> timers.find(worker.id()));
        if (running.isPresent() && !switchRunning) {
            throw ApiException.conflict("A timer is running (" + running.get().activity() + " since "
                    + running.get().startedAt() + "): stop it first, or switch to the new one (switch=true)");
        }
        Step step = new Step(request.activity(), 1, request.mode(), request.tool(), null, null, null).normalized();
        WriteHook<Task> startNew = new WriteHook<>() {
            @Override
            public void after(Handle handle, Task saved) {
                Instant now = clock.instant();
                handle.attach(TimerDao.class).insert(worker.id(), step.activity(), step.mode(), step.tool(), now);
            }
        };
        if (running.isEmpty()) {
            Transactions.write(jdbi, handle -> {
                handle.attach(WorkerDao.class).lockWorker(worker.id());
                if (handle.attach(TimerDao.class).find(worker.id()).isPresent()) {
                    throw ApiException.conflict("A timer was started at the same time from elsewhere; reload it");
                }
                startNew.after(handle, null);
                return null;
            });
        } else {
            save(worker, running.get(), zone, confirm, startNew);
        }
        return read(worker);
    }

    /** Stops the timer: saved as a step (the task it went into comes back), or with {@code save} false dropped. */
    public Optional<Task> stop(Owner worker, boolean save, ZoneId zone, boolean confirm) {
        TimerDao.Running running = jdbi.withExtension(TimerDao.class, timers -> timers.find(worker.id()))
                .orElseThrow(() -> ApiException.notFound("No timer is running."));
        if (!save) {
            Transactions.write(jdbi, handle -> {
                handle.attach(WorkerDao.class).lockWorker(worker.id());
                return handle.attach(TimerDao.class).delete(worker.id());
            });
            return Optional.empty();
        }
        return Optional.of(save(worker, running, zone, confirm, WriteHook.none()));
    }

    private Task save(Owner worker, TimerDao.Running running, ZoneId zone, boolean confirm, WriteHook<Task> then) {
        Instant now = clock.instant();
        Duration elapsed = Duration.between(running.startedAt(), now);
        LocalDate started = running.startedAt().atZone(zone).toLocalDate();
        boolean pastMidnight = !now.atZone(zone).toLocalDate().equals(started);
        int minutes = (int) Math.max(1, Math.round(elapsed.toSeconds() / 60.0));
        if (!confirm && (pastMidnight || minutes > maxMinutes)) {
            throw ApiException.conflict("The timer has run " + minutes + " minutes"
                    + (pastMidnight ? ", past midnight," : "") + " since " + running.startedAt() + ". Left running "
                    + "by mistake? Stop it without saving (save=false); or confirm (confirm=true) to save "
                    + Math.min(minutes, WorkerDayLedger.DAY_MINUTES) + " minutes on " + started + ".");
        }
        Step step = new Step(running.activity(), Math.min(minutes, WorkerDayLedger.DAY_MINUTES), running.mode(),
                running.tool(), null, null, null);
        WriteHook<Task> stopped = new WriteHook<Task>() {
            @Override
            public void before(Handle handle) {
                handle.attach(WorkerDao.class).lockWorker(worker.id());
                Optional<TimerDao.Running> now = handle.attach(TimerDao.class).lock(worker.id());
                if (now.isEmpty() || !now.get().startedAt().equals(running.startedAt())) {
                    throw ApiException.conflict("The timer was stopped or switched elsewhere at the same time; "
                            + "reload it");
                }
                handle.attach(TimerDao.class).delete(worker.id());
            }
        }.then(then);
        return tasks.appendStep(worker, started, TASK_TITLE, step, stopped);
    }

    private Timer shown(TimerDao.Running running) {
        return new Timer(true, running.activity(), running.mode(), running.tool(), running.startedAt(),
                Math.max(0, Duration.between(running.startedAt(), clock.instant()).toSeconds()));
    }
}
