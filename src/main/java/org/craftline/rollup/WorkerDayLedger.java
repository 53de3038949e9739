package org.craftline.rollup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.craftline.problem.ApiException;
import org.craftline.problem.Problem.FieldError;
import org.craftline.step.Step;
import org.jdbi.v3.core.Handle;

/**
 * Keeps a worker's day rows ({@code worker_days}, {@code worker_day_tools}) equal to the day's
 * steps, and the month rows ({@code worker_months}, {@code worker_month_tools}) equal to the days,
 * in the transaction of the write that changes them, and refuses any write that would put
 * more than 1,440 minutes on one day.
 *
 * <p>A write first {@link #lock locks} the rows of the days it touches, so racing writes to one day
 * take turns; days are locked in date order, so two writes that touch the same two days cannot
 * deadlock. A day without a row gets one when the write {@link #refresh refreshes} it; two first
 * writes to one day collide there on the primary key, and {@code Transactions.write} runs
 * the loser again, which then finds the row and waits for its lock. After writing its steps, the
 * write refreshes each day from its steps as they now are. The table's CHECK constraint backs the
 * rule up should the code be wrong.
 */
public final class WorkerDayLedger {

    public static final int DAY_MINUTES = 1440;
    /** Up to this many days are locked by name; more, as the range from the first to the last. */
    private static final int FEW_DAYS = 16;

    private final WorkerDayDao days;
    private final long workerId;
    /** The minutes each locked day held before this write; null for a day without a row. */
    private final Map<LocalDate, Integer> before;

    private WorkerDayLedger(WorkerDayDao days, long workerId, Map<LocalDate, Integer> before) {
        this.days = days;
        this.workerId = workerId;
        this.before = before;
    }

    /**
     * Locks the existing rows of the worker's {@code dates}, in date order, with one statement, in
     * the transaction of the write's {@code handle}.
     */
    public static WorkerDayLedger lock(Handle handle, long workerId, Collection<LocalDate> dates) {
        WorkerDayDao days = handle.attach(WorkerDayDao.class);
        TreeSet<LocalDate> sorted = new TreeSet<>(dates);
        Map<LocalDate, Integer> locked = sorted.size() <= FEW_DAYS ? days.lock(workerId, sorted)
                : days.lockRange(workerId, sorted.first(), sorted.last());
        Map<LocalDate, Integer> before = new TreeMap<>();
        sorted.forEach(date -> before.put(date, locked.get(date)));
        return new WorkerDayLedger(days, workerId, before);
    }

    public static WorkerDayLedger lock(Handle handle, long workerId, LocalDate... dates) {
        return lock(handle, workerId, Arrays.asList(dates));
    }

    /** {@link #refresh(Map, Function)} after one write of {@code written} on {@code writtenOn} (null: none). */
    public void refresh(LocalDate writtenOn, List<Step> written) {
        refresh(writtenOn == null ? Map.of() : Map.of(writtenOn, written), date -> List.of("steps"));
    }

    /**
     * Recomputes each locked day from its steps as they now are, then each month they fall in:
     * its version and its tool minutes. {@code written} are
     * the steps this write put on each day, in logged order: a day that held nothing before holds
     * exactly those, so it is computed without reading them back.
     *
     * <p>Every day over 1,440 minutes is refused at once (422), each with an error for every field
     * {@code fieldsOf} names for it (the batch item that wrote there, say), before anything is written.
     */
    public void refresh(Map<LocalDate, List<Step>> written, Function<LocalDate, List<String>> fieldsOf) {
        Map<LocalDate, DayRollup> rollups = new TreeMap<>();
        List<FieldError> errors = new ArrayList<>();
        before.forEach((date, minutesBefore) -> {
            boolean wasEmpty = minutesBefore == null || minutesBefore == 0;
            List<Step> steps = wasEmpty && written.containsKey(date) ? written.get(date)
                    : days.listStepsOfDay(workerId, date);
            DayRollup rollup = DayRollup.of(steps);
            if (rollup.minutes() > DAY_MINUTES) {
                String message = "would bring " + date + " to " + rollup.minutes() + " minutes ("
                        + (wasEmpty ? 0 : minutesBefore) + " already logged that day); a day holds at most "
                        + DAY_MINUTES + " minutes";
                fieldsOf.apply(date).forEach(field -> errors.add(new FieldError(field, message)));
            }
            rollups.put(date, rollup);
        });
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable(errors);
        }
        write(rollups);
    }

    private void write(Map<LocalDate, DayRollup> rollups) {
        List<LocalDate> fresh = new ArrayList<>();
        List<LocalDate> existing = new ArrayList<>();
        rollups.keySet().forEach(date -> (before.get(date) == null ? fresh : existing).add(date));
        days.insert(workerId, fresh, fresh.stream().map(rollups::get).toList());
        if (!existing.isEmpty()) {
            days.update(workerId, existing, existing.stream().map(rollups::get).toList());
            days.deleteTools(workerId, existing);
        }
        List<WorkerDayDao.DayTool> tools = new ArrayList<>();
        rollups.forEach((date, rollup) -> rollup.tools().forEach(tool ->
                tools.add(new WorkerDayDao.DayTool(date, tool.tool(), tool.minutes(), tool.craftMinutes()))));
        days.insertTools(workerId, tools);
        // Months after every day, in date order like the days, so no two writes wait on each other in
        // a circle; the version's row lock makes writes to one worker-month take turns below.
        for (LocalDate month : rollups.keySet().stream().map(date -> date.withDayOfMonth(1)).distinct().toList()) {
            if (days.raiseMonthVersion(workerId, month) == 0) {
                days.insertMonthVersion(workerId, month);
            }
            days.deleteMonthTools(workerId, month);
            days.insertMonthTools(workerId, month, month.plusMonths(1).minusDays(1));
        }
    }
}
