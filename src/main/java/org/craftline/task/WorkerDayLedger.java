package org.craftline.task;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.craftline.common.ApiException;

/**
 * Keeps {@code worker_days} equal to the sum of a worker's steps per day and refuses any write that
 * would put more than 1,440 minutes on one day. Each day row is read under a row lock, so racing
 * writes to one day take turns; days are locked in date order, so two writes that touch the same
 * two days cannot deadlock. The table's CHECK constraint backs this up should the code be wrong.
 */
final class WorkerDayLedger {

    private final WorkerDayDao days;
    private final Map<LocalDate, DayMinutes> changes = new TreeMap<>();

    WorkerDayLedger(WorkerDayDao days) {
        this.days = days;
    }

    WorkerDayLedger add(LocalDate date, DayMinutes minutes) {
        changes.merge(date, minutes, DayMinutes::plus);
        return this;
    }

    WorkerDayLedger remove(LocalDate date, DayMinutes minutes) {
        return add(date, minutes.negated());
    }

    void applyTo(long workerId) {
        changes.forEach((date, change) -> {
            var current = days.lock(workerId, date);
            DayMinutes next = current.orElse(new DayMinutes(0, 0)).plus(change);
            if (next.minutes() > DayMinutes.DAY) {
                int before = current.map(DayMinutes::minutes).orElse(0);
                throw ApiException.unprocessable("steps", "would bring " + date + " to " + next.minutes()
                        + " minutes (" + before + " already logged that day); a day holds at most "
                        + DayMinutes.DAY + " minutes");
            }
            if (current.isPresent()) {
                days.update(workerId, date, next.minutes(), next.craftMinutes());
            } else {
                // A racing first write to the same day makes one of the two inserts fail with a
                // unique violation; Transactions.retryingRaces runs that one again.
                days.insert(workerId, date, next.minutes(), next.craftMinutes());
            }
        });
    }
}
