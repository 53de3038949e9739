package org.craftline.task;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.craftline.common.ApiException;
import org.jdbi.v3.core.Handle;

/**
 * Keeps a worker's day rows ({@code worker_days}, {@code worker_day_tools}) equal to the day's
 * steps, in the transaction of the write that changes them, and refuses any write that would put
 * more than 1,440 minutes on one day.
 *
 * <p>A write first {@link #lock locks} the rows of the days it touches, so racing writes to one day
 * take turns; days are locked in date order, so two writes that touch the same two days cannot
 * deadlock. Two first writes to a new day both insert its row; one fails on the primary key and
 * {@code Transactions.retryingRaces} runs it again. After writing its steps, the write
 * {@link #refresh refreshes} each day from its steps as they now are. The table's CHECK
 * constraint backs the rule up should the code be wrong.
 */
final class WorkerDayLedger {

    static final int DAY_MINUTES = 1440;

    private final WorkerDayDao days;
    private final TaskDao tasks;
    private final long workerId;
    /** The minutes each locked day held before this write. */
    private final Map<LocalDate, Integer> before;

    private WorkerDayLedger(Handle handle, long workerId, Map<LocalDate, Integer> before) {
        this.days = handle.attach(WorkerDayDao.class);
        this.tasks = handle.attach(TaskDao.class);
        this.workerId = workerId;
        this.before = before;
    }

    /** Locks the rows of the worker's {@code dates}, in date order, creating those that do not exist. */
    static WorkerDayLedger lock(Handle handle, long workerId, LocalDate... dates) {
        WorkerDayDao days = handle.attach(WorkerDayDao.class);
        Map<LocalDate, Integer> before = new TreeMap<>();
        for (LocalDate date : dates) {
            before.put(date, 0);
        }
        for (LocalDate date : before.keySet()) {
            var minutes = days.lock(workerId, date);
            if (minutes.isPresent()) {
                before.put(date, minutes.get());
            } else {
                days.insertEmpty(workerId, date);
            }
        }
        return new WorkerDayLedger(handle, workerId, before);
    }

    /** Recomputes each locked day from its steps as they now are; a day over 1,440 minutes is refused. */
    void refresh() {
        before.forEach((date, minutesBefore) -> {
            DayRollup rollup = DayRollup.of(tasks.listStepsOfDay(workerId, date));
            if (rollup.minutes() > DAY_MINUTES) {
                throw ApiException.unprocessable("steps", "would bring " + date + " to " + rollup.minutes()
                        + " minutes (" + minutesBefore + " already logged that day); a day holds at most "
                        + DAY_MINUTES + " minutes");
            }
            days.update(workerId, date, rollup);
            days.deleteTools(workerId, date);
            days.insertTools(workerId, date, rollup.tools());
        });
    }
}
