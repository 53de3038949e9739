package org.craftline.task;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.craftline.common.ApiException;

/**
 * Keeps a worker's day rows ({@code worker_days}, {@code worker_day_tools}) equal to the day's
 * steps, and the month rows ({@code worker_months}, {@code worker_month_tools}) equal to the days,
 * in the transaction of the write that changes them, and refuses any write that would put
 * more than 1,440 minutes on one day.
 *
 * <p>A write first {@link #lock locks} the rows of the days it touches, so racing writes to one day
 * take turns; days are locked in date order, so two writes that touch the same two days cannot
 * deadlock. A day without a row gets one when the write {@link #refresh refreshes} it; two first
 * writes to one day collide there on the primary key, and {@code Transactions.retryingRaces} runs
 * the loser again, which then finds the row and waits for its lock. After writing its steps, the
 * write refreshes each day from its steps as they now are. The table's CHECK constraint backs the
 * rule up should the code be wrong.
 */
final class WorkerDayLedger {

    static final int DAY_MINUTES = 1440;

    private final WorkerDayDao days;
    private final TaskDao tasks;
    private final long workerId;
    /** The minutes each locked day held before this write; null for a day without a row. */
    private final Map<LocalDate, Integer> before;

    private WorkerDayLedger(TaskDao tasks, WorkerDayDao days, long workerId, Map<LocalDate, Integer> before) {
        this.tasks = tasks;
        this.days = days;
        this.workerId = workerId;
        this.before = before;
    }

    /**
     * Locks the existing rows of the worker's {@code dates}, in date order. Takes the write's own
     * {@code tasks} DAO: attaching a DAO to a handle costs more CPU than a write's statements.
     */
    static WorkerDayLedger lock(TaskDao tasks, long workerId, LocalDate... dates) {
        WorkerDayDao days = tasks.getHandle().attach(WorkerDayDao.class);
        Map<LocalDate, Integer> before = new TreeMap<>();
        for (LocalDate date : new TreeSet<>(Arrays.asList(dates))) {
            before.put(date, days.lock(workerId, date).orElse(null));
        }
        return new WorkerDayLedger(tasks, days, workerId, before);
    }

    /**
     * Recomputes each locked day from its steps as they now are, then each month they fall in:
     * its version (for the reports' {@code PeriodCache}) and its tool minutes. A day over 1,440
     * minutes is refused. {@code written} are the steps this write put on {@code writtenOn}: a day that held
     * nothing before holds exactly those, so it is computed without reading them back.
     */
    void refresh(LocalDate writtenOn, List<Step> written) {
        before.forEach((date, minutesBefore) -> {
            boolean wasEmpty = minutesBefore == null || minutesBefore == 0;
            List<Step> steps = wasEmpty && date.equals(writtenOn) ? written : tasks.listStepsOfDay(workerId, date);
            DayRollup rollup = DayRollup.of(steps);
            if (rollup.minutes() > DAY_MINUTES) {
                throw ApiException.unprocessable("steps", "would bring " + date + " to " + rollup.minutes()
                        + " minutes (" + (wasEmpty ? 0 : minutesBefore) + " already logged that day); a day holds "
                        + "at most " + DAY_MINUTES + " minutes");
            }
            if (minutesBefore == null) {
                days.insert(workerId, date, rollup);
            } else {
                days.update(workerId, date, rollup);
                days.deleteTools(workerId, date);
            }
            days.insertTools(workerId, date, rollup.tools());
        });
        // Months after every day, in date order like the days, so no two writes wait on each other in
        // a circle; the version's row lock makes writes to one worker-month take turns below.
        for (LocalDate month : before.keySet().stream().map(date -> date.withDayOfMonth(1)).distinct().toList()) {
            if (days.raiseMonthVersion(workerId, month) == 0) {
                days.insertMonthVersion(workerId, month);
            }
            days.deleteMonthTools(workerId, month);
            days.insertMonthTools(workerId, month, month.plusMonths(1).minusDays(1));
        }
    }
}
