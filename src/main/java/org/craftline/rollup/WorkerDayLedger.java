package org.craftline.rollup;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.craftline.db.Dialect;
import org.craftline.problem.ApiException;
import org.craftline.problem.Problem.FieldError;
import org.craftline.step.Step;
import org.jdbi.v3.core.Handle;

/**
 * Keeps workers' day rows ({@code worker_days}, {@code worker_day_tools}) equal to the day's
 * steps, and the month rows ({@code worker_months}, {@code worker_month_tools}) equal to the days,
 * in the transaction of the write that changes them, and refuses any write that would put
 * more than 1,440 minutes on one day.
 *
 * <p>A write first {@link #lock locks} the rows of the days it touches, so racing writes to one day
 * take turns; days are locked by worker, then date, so two writes that touch the same two days
 * cannot deadlock. A day without a row gets one when the write {@link #refresh refreshes} it; two first
 * writes to one day collide there on the primary key, and {@code Transactions.write} runs
 * the loser again, which then finds the row and waits for its lock. After writing its steps, the
 * write refreshes each day from its steps as they now are. The table's CHECK constraint backs the
 * rule up should the code be wrong. A batch of many workers' tasks is one ledger: each statement
 * covers every worker at once, so the round trips of a write do not grow with its workers.
 */
public final class WorkerDayLedger {

    public static final int DAY_MINUTES = 1440;
    /** Up to this many days of one worker are locked by name; more, as the range from the first to the last. */
    private static final int FEW_DAYS = 16;
    /** Workers locked by one statement at most, bounding its list of ids. */
    private static final int WORKERS_A_STATEMENT = 1000;
    /**
     * Named days locked by one statement at most, bounding its list of pairs: a statement is sent
     * once this many are gathered, so it holds up to {@value #FEW_DAYS} more.
     */
    private static final int NAMED_DAYS_A_STATEMENT = 1000;

    private final WorkerDayDao days;
    /** The minutes each locked day held before this write, by worker and date; null for a day without a row. */
    private final Map<Long, Map<LocalDate, Integer>> before;

    private WorkerDayLedger(WorkerDayDao days, Map<Long, Map<LocalDate, Integer>> before) {
        this.days = days;
        this.before = before;
    }

    /**
     * Locks the existing rows of each worker's dates, workers by id and each one's days by date, in
     * the transaction of the write's {@code handle}. On PostgreSQL, workers whose days fall in a
     * short span (a batch of a day of every member of a team, say) are locked together, a
     * statement for up to {@value #WORKERS_A_STATEMENT} of them, when the span holds at most twice
     * the days asked for; otherwise their few days each are named, many workers' to a statement. On
     * H2 ({@link Dialect#locksManyIdsInOneStatement}) each worker has a statement of their own.
     */
    public static WorkerDayLedger lock(Handle handle, Map<Long, ? extends Collection<LocalDate>> datesByWorker) {
        WorkerDayDao days = handle.attach(WorkerDayDao.class);
        Map<Long, TreeSet<LocalDate>> wanted = new TreeMap<>();
        datesByWorker.forEach((worker, dates) -> {
            if (!dates.isEmpty()) {
                wanted.put(worker, new TreeSet<>(dates));
            }
        });
        boolean manyInOne = Dialect.of(handle).locksManyIdsInOneStatement();
        Map<Long, Map<LocalDate, Integer>> locked = manyInOne && togetherPays(wanted) ? lockTogether(days, wanted)
                : lockEach(days, wanted, manyInOne);
        Map<Long, Map<LocalDate, Integer>> before = new TreeMap<>();
        wanted.forEach((worker, dates) -> {
            Map<LocalDate, Integer> held = locked.getOrDefault(worker, Map.of());
            Map<LocalDate, Integer> minutes = new TreeMap<>();
            dates.forEach(date -> minutes.put(date, held.get(date)));
            before.put(worker, minutes);
        });
        return new WorkerDayLedger(days, before);
    }

    public static WorkerDayLedger lock(Handle handle, long workerId, Collection<LocalDate> dates) {
        return lock(handle, Map.of(workerId, dates));
    }

    public static WorkerDayLedger lock(Handle handle, long workerId, LocalDate... dates) {
        return lock(handle, workerId, Arrays.asList(dates));
    }

    private static boolean togetherPays(Map<Long, TreeSet<LocalDate>> wanted) {
        if (wanted.size() < 2) {
            return false;
        }
        long asked = wanted.values().stream().mapToLong(Set::size).sum();
        long span = ChronoUnit.DAYS.between(first(wanted), last(wanted)) + 1;
        return (long) wanted.size() * span <= 2 * asked;
    }

    private static LocalDate first(Map<Long, TreeSet<LocalDate>> wanted) {
        return wanted.values().stream().map(TreeSet::first).min(Comparator.naturalOrder()).orElseThrow();
    }

    private static LocalDate last(Map<Long, TreeSet<LocalDate>> wanted) {
        return wanted.values().stream().map(TreeSet::last).max(Comparator.naturalOrder()).orElseThrow();
    }

    private static Map<Long, Map<LocalDate, Integer>> lockTogether(WorkerDayDao days,
                                                                   Map<Long, TreeSet<LocalDate>> wanted) {
        List<Long> workers = List.copyOf(wanted.keySet());
        LocalDate first = first(wanted);
        LocalDate last = last(wanted);
        Map<Long, Map<LocalDate, Integer>> locked = new TreeMap<>();
        for (int from = 0; from < workers.size(); from += WORKERS_A_STATEMENT) {
            List<Long> some = workers.subList(from, Math.min(workers.size(), from + WORKERS_A_STATEMENT));
            hold(locked, days.lockWorkers(some, first, last));
        }
        return locked;
    }

    /**
     * Each worker's days, in worker then date order: a worker's few days by name, more by range. On
     * PostgreSQL ({@code byNameTogether}) the named days of consecutive workers go in one statement,
     * up to about {@value #NAMED_DAYS_A_STATEMENT} days: a group of single tasks, a day each of many
     * workers, is one round trip, not one a worker. On H2 each worker has a statement of their own.
     */
    private static Map<Long, Map<LocalDate, Integer>> lockEach(WorkerDayDao days, Map<Long, TreeSet<LocalDate>> wanted,
                                                               boolean byNameTogether) {
        Map<Long, Map<LocalDate, Integer>> locked = new TreeMap<>();
        List<WorkerDayDao.WorkerDate> named = new ArrayList<>();
        wanted.forEach((worker, dates) -> {
            if (dates.size() > FEW_DAYS) {
                lockNamed(days, named, locked);
                locked.put(worker, days.lockRange(worker, dates.first(), dates.last()));
            } else if (byNameTogether) {
                dates.forEach(date -> named.add(new WorkerDayDao.WorkerDate(worker, date)));
                if (named.size() >= NAMED_DAYS_A_STATEMENT) {
                    lockNamed(days, named, locked);
                }
            } else {
                locked.put(worker, days.lock(worker, dates));
            }
        });
        lockNamed(days, named, locked);
        return locked;
    }

    /** Locks the {@code named} days gathered so far, all in one statement, and forgets them. */
    private static void lockNamed(WorkerDayDao days, List<WorkerDayDao.WorkerDate> named,
                                  Map<Long, Map<LocalDate, Integer>> locked) {
        if (!named.isEmpty()) {
            hold(locked, days.lockDays(named));
            named.clear();
        }
    }

    /** Adds the {@code rows} a locking statement returned to the minutes {@code locked} holds. */
    private static void hold(Map<Long, Map<LocalDate, Integer>> locked, List<WorkerDayDao.LockedDay> rows) {
        rows.forEach(day -> locked.computeIfAbsent(day.workerId(), worker -> new TreeMap<>())
                .put(day.workDate(), day.minutes()));
    }

    /**
     * {@link #refresh(Map, BiFunction)} after one write of {@code written} on {@code writtenOn}
     * (null: none) by the one worker this ledger locked.
     */
    public void refresh(LocalDate writtenOn, List<Step> written) {
        Map<Long, Map<LocalDate, List<Step>>> writes = new TreeMap<>();
        if (writtenOn != null) {
            before.keySet().forEach(worker -> writes.put(worker, Map.of(writtenOn, written)));
        }
        refresh(writes, (worker, date) -> List.of("steps"));
    }

    /**
     * Recomputes each locked day from its steps as they now are, then each month they fall in:
     * its version and its tool minutes. {@code written} are the steps this write put on each
     * worker's days, in logged order: a day that held nothing before holds exactly those, so it is
     * computed without reading them back.
     *
     * <p>Every day over 1,440 minutes is refused at once (422), each with an error for every field
     * {@code fieldsOf} names for it (the batch item that wrote there, say), before anything is written.
     */
    public void refresh(Map<Long, Map<LocalDate, List<Step>>> written,
                        BiFunction<Long, LocalDate, List<String>> fieldsOf) {
        List<WorkerDayDao.WorkerDay> rollups = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        before.forEach((worker, dates) -> dates.forEach((date, minutesBefore) -> {
            boolean wasEmpty = heldNothing(minutesBefore);
            List<Step> writtenThere = written.getOrDefault(worker, Map.of()).get(date);
            List<Step> steps = wasEmpty && writtenThere != null ? writtenThere : days.listStepsOfDay(worker, date);
            DayRollup rollup = DayRollup.of(steps);
            if (rollup.minutes() > DAY_MINUTES) {
                String message = "would bring " + date + " to " + rollup.minutes() + " minutes ("
                        + (wasEmpty ? 0 : minutesBefore) + " already logged that day); a day holds at most "
                        + DAY_MINUTES + " minutes";
                fieldsOf.apply(worker, date).forEach(field -> errors.add(new FieldError(field, message)));
            }
            rollups.add(new WorkerDayDao.WorkerDay(worker, date, rollup));
        }));
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable(errors);
        }
        write(rollups);
    }

    /** Writes the days, in worker and date order, then their months in the same order. */
    private void write(List<WorkerDayDao.WorkerDay> rollups) {
        List<WorkerDayDao.WorkerDay> fresh = new ArrayList<>();
        List<WorkerDayDao.WorkerDay> existing = new ArrayList<>();
        List<WorkerDayDao.DayTool> tools = new ArrayList<>();
        for (WorkerDayDao.WorkerDay day : rollups) {
            (before.get(day.workerId()).get(day.workDate()) == null ? fresh : existing).add(day);
            day.rollup().tools().forEach(tool -> tools.add(new WorkerDayDao.DayTool(day.workerId(), day.workDate(),
                    tool.tool(), tool.minutes(), tool.craftMinutes())));
        }
        days.insert(fresh);
        if (!existing.isEmpty()) {
            days.update(existing);
            days.deleteTools(existing.stream()
                    .map(day -> new WorkerDayDao.WorkerDate(day.workerId(), day.workDate())).toList());
        }
        days.insertTools(tools);
        writeMonths(rollups);
    }

    /**
     * Raises the version of every month of the days, after every day, in the days' order, so no two
     * writes wait on each other in a circle; the version's row lock makes writes to one
     * worker-month take turns from here. A month whose written days all held nothing before gains
     * their tool minutes; any other month's tools are added up again from its days.
     */
    private void writeMonths(List<WorkerDayDao.WorkerDay> rollups) {
        Map<WorkerDayDao.WorkerDate, List<WorkerDayDao.WorkerDay>> byMonth = new LinkedHashMap<>();
        rollups.forEach(day -> byMonth.computeIfAbsent(new WorkerDayDao.WorkerDate(day.workerId(),
                day.workDate().withDayOfMonth(1)), month -> new ArrayList<>()).add(day));
        List<WorkerDayDao.WorkerDate> months = List.copyOf(byMonth.keySet());
        days.insertMonthVersions(notFound(months, days.raiseMonthVersions(months)));
        List<WorkerDayDao.WorkerDate> recount = new ArrayList<>();
        List<WorkerDayDao.MonthTool> added = new ArrayList<>();
        byMonth.forEach((month, written) -> {
            if (written.stream().allMatch(this::heldNothing)) {
                added.addAll(toolsOf(month, written));
            } else {
                recount.add(month);
            }
        });
        days.insertMonthTools(notFound(added, days.addToMonthTools(added)));
        days.rewriteMonthTools(recount);
    }

    /** The rows an update changed nothing for, given its counts in the rows' order: they are new. */
    private static <T> List<T> notFound(List<T> rows, int[] changed) {
        List<T> missing = new ArrayList<>();
        for (int i = 0; i < changed.length; i++) {
            if (changed[i] == 0) {
                missing.add(rows.get(i));
            }
        }
        return missing;
    }

    /** Whether the day held no minutes, and so no tool rows, before this write. */
    private boolean heldNothing(WorkerDayDao.WorkerDay day) {
        return heldNothing(before.get(day.workerId()).get(day.workDate()));
    }

    private static boolean heldNothing(Integer minutesBefore) {
        return minutesBefore == null || minutesBefore == 0;
    }

    /** The tools of a month's written days, summed per tool, with the first of those days each was used on. */
    private static List<WorkerDayDao.MonthTool> toolsOf(WorkerDayDao.WorkerDate month,
                                                        List<WorkerDayDao.WorkerDay> written) {
        Map<String, WorkerDayDao.MonthTool> tools = new TreeMap<>();
        for (WorkerDayDao.WorkerDay day : written) {
            for (DayRollup.ToolMinutes tool : day.rollup().tools()) {
                tools.merge(tool.tool(), new WorkerDayDao.MonthTool(month.workerId(), month.date(), tool.tool(),
                        tool.minutes(), tool.craftMinutes(), day.workDate()), WorkerDayDao.MonthTool::plus);
            }
        }
        return List.copyOf(tools.values());
    }
}
