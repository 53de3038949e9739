package org.craftline.imports.capture;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.craftline.db.Transactions;
import org.craftline.db.WriteHook;
import org.craftline.problem.ApiException;
import org.craftline.problem.Problem.FieldError;
import org.craftline.rollup.WorkerDayDao;
import org.craftline.rollup.WorkerDayLedger;
import org.craftline.step.Step;
import org.craftline.task.NewTask;
import org.craftline.task.Task;
import org.craftline.task.TaskRequest;
import org.craftline.task.TaskService;
import org.craftline.worker.Worker;
import org.craftline.worker.WorkerDao;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Imports an activity tracker's captured days for one worker: {@link #plan} decides each day's
 * fate and writes nothing (a dry run stops there); {@link #write} stores the plan's tasks, all or
 * none, through the same batch write as {@code POST /api/tasks/batch}, and remembers each day's
 * tasks in {@code import_days} in the same transaction. A day is imported once: an export that
 * overlaps an earlier one adds the days not imported yet, and {@code replaceDays} replaces exactly
 * the tasks an earlier import made, never one logged by hand.
 */
public final class CaptureImports {

    /** A task's title is "ActivityWatch, host": a host name is cut to fit in a title's 200 characters. */
    private static final int ORIGIN_IN_TITLE = 120;
    private static final Pattern TASK_FIELD = Pattern.compile("tasks\\[(\\d+)]\\..*");

    private final Jdbi jdbi;
    private final TaskService tasks;
    private final Clock clock;

    public CaptureImports(Jdbi jdbi, TaskService tasks, Clock clock) {
        this.jdbi = jdbi;
        this.tasks = tasks;
        this.clock = clock;
    }

    private record DayKey(String origin, LocalDate date) {
    }

    /** What each captured day becomes, checked against what the worker has stored; writes nothing. */
    public CapturePlan plan(CaptureSource source, Worker owner, Capture capture, boolean replaceDays) {
        Map<DayKey, List<Long>> imported = importedTasks(owner, source);
        Map<DayKey, Integer> importedMinutes = new HashMap<>();
        List<PlannedDay> days = new ArrayList<>();
        for (Origin origin : capture.origins()) {
            String name = origin.name() == null ? "" : origin.name();
            for (CapturedDays.Day day : origin.days()) {
                List<Long> before = imported.get(new DayKey(name, day.date()));
                if (day.steps().isEmpty()) {
                    days.add(new PlannedDay(day, name, DayStatus.NO_STEPS, null, List.of()));
                } else if (before == null) {
                    days.add(new PlannedDay(day, name, DayStatus.IMPORT, null, List.of()));
                } else if (replaceDays) {
                    days.add(new PlannedDay(day, name, DayStatus.REPLACE, null, before));
                } else {
                    days.add(new PlannedDay(day, name, DayStatus.ALREADY_IMPORTED,
                            "imported before; send replaceDays=true to replace that import", List.of()));
                }
            }
        }
        if (days.stream().anyMatch(day -> day.status() == DayStatus.REPLACE)) {
            jdbi.useExtension(ImportDayDao.class, dao -> dao.minutes(owner.id(), source.id).forEach(row ->
                    importedMinutes.put(new DayKey(row.origin(), row.workDate()), row.minutes())));
        }
        refuseOverfullDays(owner, days, importedMinutes);
        return tasksOf(source, owner, capture.records(), days);
    }

    private Map<DayKey, List<Long>> importedTasks(Worker owner, CaptureSource source) {
        Map<DayKey, List<Long>> imported = new HashMap<>();
        jdbi.useExtension(ImportDayDao.class, dao -> dao.tasks(owner.id(), source.id).forEach(task ->
                imported.computeIfAbsent(new DayKey(task.origin(), task.workDate()), key -> new ArrayList<>())
                        .add(task.taskId())));
        return imported;
    }

    /**
     * The 1,440-minute rule, counted as the write will count it: what the day holds, less the
     * earlier import it replaces, plus every origin's new steps on it. A day past it is refused
     * with all its origins' days.
     */
    private void refuseOverfullDays(Worker owner, List<PlannedDay> days, Map<DayKey, Integer> importedMinutes) {
        Map<LocalDate, Integer> adding = new TreeMap<>();
        for (PlannedDay day : days) {
            if (day.writes()) {
                int minutes = day.day().steps().stream().mapToInt(Step::minutes).sum();
                int replaced = day.status() == DayStatus.REPLACE
                        ? importedMinutes.getOrDefault(new DayKey(day.origin(), day.day().date()), 0) : 0;
                adding.merge(day.day().date(), minutes - replaced, Integer::sum);
            }
        }
        Map<LocalDate, Integer> stored = jdbi.withExtension(WorkerDayDao.class,
                dao -> dao.minutesOnAll(owner.id(), List.copyOf(adding.keySet())));
        for (int i = 0; i < days.size(); i++) {
            PlannedDay day = days.get(i);
            if (!day.writes()) {
                continue;
            }
            LocalDate date = day.day().date();
            int before = stored.getOrDefault(date, 0);
            int after = before + adding.get(date);
            if (after > WorkerDayLedger.DAY_MINUTES) {
                days.set(i, day.refused("would bring " + date + " to " + after + " minutes (" + before
                        + " already logged that day); a day holds at most " + WorkerDayLedger.DAY_MINUTES
                        + ". Nothing of this day is imported: shorten what is logged by hand, or leave out time "
                        + "with a rule that ignores it"));
            }
        }
    }

    /** One task per day to write (or, past 100 steps, "ActivityWatch, host (2)" and on). */
    private static CapturePlan tasksOf(CaptureSource source, Worker owner, int records, List<PlannedDay> days) {
        List<NewTask> newTasks = new ArrayList<>();
        List<PlannedDay> dayOfTask = new ArrayList<>();
        List<Long> replacing = new ArrayList<>();
        for (PlannedDay day : days) {
            if (!day.writes()) {
                continue;
            }
            replacing.addAll(day.replacing());
            String origin = day.origin().length() > ORIGIN_IN_TITLE ? day.origin().substring(0, ORIGIN_IN_TITLE)
                    : day.origin();
            String title = origin.isEmpty() ? source.displayName : source.displayName + ", " + origin;
            List<Step> steps = day.day().steps();
            for (int from = 0, part = 1; from < steps.size(); from += TaskRequest.MAX_STEPS, part++) {
                newTasks.add(new NewTask(owner, new TaskRequest(owner.handle(), day.day().date(),
                        part == 1 ? title : title + " (" + part + ")", notes(source, day),
                        steps.subList(from, Math.min(steps.size(), from + TaskRequest.MAX_STEPS)))));
                dayOfTask.add(day);
            }
        }
        return new CapturePlan(source, owner, records, List.copyOf(days), newTasks, dayOfTask, replacing);
    }

    private static String notes(CaptureSource source, PlannedDay day) {
        return "Imported from " + source.displayName + ". Not in the steps: "
                + CapturePlan.minutes(day.day().unclassified()) + " min no rule classifies, "
                + CapturePlan.minutes(day.day().ignored()) + " min ignored by a rule, "
                + CapturePlan.minutes(day.day().shortRunTime()) + " min in " + day.day().shortRuns() + " short runs.";
    }

    /**
     * Stores the plan's tasks, replaces what it replaces and remembers each day, in one transaction
     * with {@code hook}'s work. Another import of the same worker's days that committed since the
     * plan was made fails this one (409): the plan was made against days that changed.
     */
    public List<Task> write(CapturePlan plan, WriteHook<List<Task>> hook) {
        long workerId = plan.owner().id();
        String source = plan.source().id;
        WriteHook<List<Task>> remember = new WriteHook<>() {
            @Override
            public void before(Handle handle) {
                handle.attach(WorkerDao.class).lockWorker(workerId);
                Set<DayKey> now = new HashSet<>();
                handle.attach(ImportDayDao.class).tasks(workerId, source)
                        .forEach(task -> now.add(new DayKey(task.origin(), task.workDate())));
                for (PlannedDay day : plan.days()) {
                    boolean expected = day.status() == DayStatus.REPLACE;
                    if (day.status() == DayStatus.IMPORT || expected) {
                        if (now.contains(new DayKey(day.origin(), day.day().date())) != expected) {
                            throw ApiException.conflict("Another import of " + plan.owner().handle()
                                    + "'s days ran at the same time; send this one again");
                        }
                    }
                }
            }

            @Override
            public void after(Handle handle, List<Task> created) {
                ImportDayDao dao = handle.attach(ImportDayDao.class);
                plan.days().stream().filter(day -> day.status() == DayStatus.REPLACE)
                        .forEach(day -> dao.forget(workerId, source, day.origin(), day.day().date()));
                List<ImportDayDao.ImportedTask> rows = new ArrayList<>();
                for (int i = 0; i < created.size(); i++) {
                    PlannedDay day = plan.dayOfTask().get(i);
                    rows.add(new ImportDayDao.ImportedTask(day.origin(), day.day().date(), created.get(i).id()));
                }
                dao.remember(workerId, source, rows, clock.instant());
            }
        };
        if (plan.tasks().isEmpty()) {
            return Transactions.write(jdbi, handle -> {
                hook.before(handle);
                hook.after(handle, List.of());
                return List.of();
            });
        }
        try {
            return tasks.createAll(plan.tasks(), plan.replacing(), hook.then(remember));
        } catch (ApiException e) {
            throw e.problem().status() == 422 ? byDays(plan, e) : e;
        }
    }

    /** A day filled by another write since the plan was made: the batch's {@code tasks[i]} errors, told as days. */
    private static ApiException byDays(CapturePlan plan, ApiException e) {
        List<FieldError> errors = new ArrayList<>();
        for (FieldError error : e.problem().errors()) {
            Matcher task = TASK_FIELD.matcher(error.field());
            errors.add(task.matches() ? new FieldError("day " + plan.dayOfTask()
                    .get(Integer.parseInt(task.group(1))).name(), error.message()) : error);
        }
        return ApiException.unprocessable(errors.stream().distinct().toList());
    }
}
