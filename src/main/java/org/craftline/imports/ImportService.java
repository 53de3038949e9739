package org.craftline.imports;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.craftline.db.WriteHook;
import org.craftline.db.Transactions;
import org.craftline.problem.ApiException;
import org.craftline.problem.Problem.FieldError;
import org.craftline.step.Mode;
import org.craftline.task.NewTask;
import org.craftline.task.Task;
import org.craftline.task.TaskRequest;
import org.craftline.task.TaskService;
import org.craftline.rollup.WorkerDayDao;
import org.craftline.worker.Worker;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Imports a tracker's CSV export for one worker: {@link #plan} reads and checks the whole file and
 * writes nothing (a dry run stops there); {@link #write} stores the plan's tasks, all or none,
 * through the same batch write as {@code POST /api/tasks/batch}, and remembers each row's
 * fingerprint in the same transaction, so the same rows never come in twice.
 */
public final class ImportService {

    private static final int DAY_MINUTES = 1440;
    private static final Pattern TASK_FIELD = Pattern.compile("tasks\\[(\\d+)]\\..*");
    private static final Comparator<ImportedRow> LOGGED_ORDER = Comparator
            .comparing(ImportedRow::start, Comparator.nullsLast(Comparator.<LocalTime>naturalOrder()))
            .thenComparingInt(ImportedRow::row);

    private final Jdbi jdbi;
    private final TaskService tasks;
    private final ImportsConfiguration rules;
    private final Clock clock;

    public ImportService(Jdbi jdbi, TaskService tasks, ImportsConfiguration rules, Clock clock) {
        this.jdbi = jdbi;
        this.tasks = tasks;
        this.rules = rules;
        this.clock = clock;
    }

    /** Reads the whole body as a stream and plans the import; writes nothing. */
    ImportPlan plan(Tracker tracker, Worker owner, InputStream body, Mode defaultMode) {
        RowRules rowRules = new RowRules(tracker, rules,
                jdbi.withExtension(WorkerDayDao.class, days -> days.toolsUsed(owner.id())), defaultMode);
        List<ImportedRow> read = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        int rows = 0;
        byte[] digest;
        try (TrackerCsv csv = TrackerCsv.open(body, tracker)) {
            for (TrackerRow row = csv.next(); row != null; row = csv.next()) {
                rows++;
                Object result = row.cells().length > csv.columns() && hasExtraCells(row, csv.columns())
                        ? new RejectedRow(row.number(), "has " + row.cells().length + " cells but the header names "
                                + csv.columns() + " columns (a comma outside quotes?)")
                        : rowRules.read(row);
                if (result instanceof ImportedRow imported) {
                    read.add(imported);
                } else {
                    rejected.add((RejectedRow) result);
                }
            }
            digest = csv.digest();
        } catch (IOException e) {
            throw ApiException.badRequest("The file could not be read to its end");
        }
        List<ImportedRow> fresh = new ArrayList<>();
        int duplicates = withoutDuplicates(owner, read, fresh);
        return group(tracker, owner, rows, duplicates, rejected, fresh, digest);
    }

    private static boolean hasExtraCells(TrackerRow row, int columns) {
        for (int i = columns; i < row.cells().length; i++) {
            if (!row.cells()[i].isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** Puts in {@code fresh} the rows neither imported before nor earlier in the file; returns how many were. */
    private int withoutDuplicates(Worker owner, List<ImportedRow> read, List<ImportedRow> fresh) {
        Set<UUID> imported = read.isEmpty() ? Set.of()
                : jdbi.withExtension(ImportDao.class, dao -> dao.imported(owner.id()));
        Set<UUID> seen = new HashSet<>();
        int duplicates = 0;
        for (ImportedRow row : read) {
            if (imported.contains(row.fingerprint()) || !seen.add(row.fingerprint())) {
                duplicates++;
            } else {
                fresh.add(row);
            }
        }
        return duplicates;
    }

    /**
     * One task per day and project, its steps in logged order. A day the import would take past
     * 1,440 minutes, counting what is stored, has all its new rows rejected.
     */
    private ImportPlan group(Tracker tracker, Worker owner, int rows, int duplicates, List<RejectedRow> rejected,
                             List<ImportedRow> fresh, byte[] digest) {
        Map<LocalDate, Map<String, List<ImportedRow>>> days = new TreeMap<>();
        for (ImportedRow row : fresh) {
            days.computeIfAbsent(row.date(), d -> new LinkedHashMap<>())
                    .computeIfAbsent(row.project(), p -> new ArrayList<>()).add(row);
        }
        Map<LocalDate, Integer> stored = storedMinutes(owner, List.copyOf(days.keySet()));
        List<NewTask> newTasks = new ArrayList<>();
        List<List<ImportedRow>> rowsOfTasks = new ArrayList<>();
        days.forEach((date, projects) -> {
            int before = stored.getOrDefault(date, 0);
            int added = projects.values().stream().flatMap(List::stream).mapToInt(row -> row.step().minutes()).sum();
            if (before + added > DAY_MINUTES) {
                String reason = "would bring " + date + " to " + (before + added) + " minutes (" + before
                        + " already logged); a day holds at most " + DAY_MINUTES;
                projects.values().forEach(list -> list.forEach(row -> rejected.add(new RejectedRow(row.row(), reason))));
                return;
            }
            projects.forEach((project, list) -> {
                list.sort(LOGGED_ORDER);
                // A task holds at most 100 steps: a longer day of one project becomes "Project (2)" and on.
                for (int from = 0, part = 1; from < list.size(); from += TaskRequest.MAX_STEPS, part++) {
                    List<ImportedRow> chunk = list.subList(from, Math.min(list.size(), from + TaskRequest.MAX_STEPS));
                    String title = part == 1 ? project : project + " (" + part + ")";
                    newTasks.add(new NewTask(owner, new TaskRequest(owner.handle(), date, title,
                            "Imported from " + tracker.displayName, chunk.stream().map(ImportedRow::step).toList())));
                    rowsOfTasks.add(chunk);
                }
            });
        });
        rejected.sort(Comparator.comparingInt(RejectedRow::row));
        return new ImportPlan(tracker, owner, rows, duplicates, rejected, newTasks, rowsOfTasks, digest);
    }

    private Map<LocalDate, Integer> storedMinutes(Worker owner, List<LocalDate> dates) {
        return jdbi.withExtension(WorkerDayDao.class, days -> days.minutesOnAll(owner.id(), dates));
    }

    /**
     * Stores the plan's tasks and remembers its rows, in one transaction with {@code hook}'s work.
     * A plan with nothing new still runs the hook, so that a retried Idempotency-Key is answered
     * as the first request was.
     */
    List<Task> write(ImportPlan plan, WriteHook<List<Task>> hook) {
        if (plan.tasks().isEmpty()) {
            return Transactions.write(jdbi, handle -> {
                hook.before(handle);
                hook.after(handle, List.of());
                return List.of();
            });
        }
        WriteHook<List<Task>> remember = new WriteHook<>() {
            @Override
            public void after(Handle handle, List<Task> created) {
                List<ImportDao.ImportedFingerprint> rows = new ArrayList<>(plan.newRows());
                for (int i = 0; i < created.size(); i++) {
                    long taskId = created.get(i).id();
                    plan.rowsOfTasks().get(i).forEach(row ->
                            rows.add(new ImportDao.ImportedFingerprint(row.fingerprint(), taskId)));
                }
                handle.attach(ImportDao.class).remember(plan.owner().id(), rows, plan.tracker().id(), clock.instant());
            }
        };
        try {
            return tasks.createAll(plan.tasks(), hook.then(remember));
        } catch (ApiException e) {
            throw e.problem().status() == 422 ? byRows(plan, e) : e;
        }
    }

    /** A day filled by another write since the plan was made: the batch's {@code tasks[i]} errors, told as rows. */
    private static ApiException byRows(ImportPlan plan, ApiException e) {
        List<FieldError> errors = new ArrayList<>();
        for (FieldError error : e.problem().errors()) {
            Matcher task = TASK_FIELD.matcher(error.field());
            if (task.matches()) {
                plan.rowsOfTasks().get(Integer.parseInt(task.group(1)))
                        .forEach(row -> errors.add(new FieldError("row " + row.row(), error.message())));
            } else {
                errors.add(error);
            }
        }
        return ApiException.unprocessable(errors);
    }
}
