package org.craftline.worker;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.craftline.rollup.WorkerDayDao;
import org.jdbi.v3.core.Jdbi;

/** A worker as the admin's list shows them: the worker's fields, and the last day with logged minutes (null: none). */
public record ListedWorker(@JsonUnwrapped Worker worker, LocalDate lastDayLogged) {

    /** Every worker, by handle, each with their last day from the day rollups. */
    static List<ListedWorker> all(Jdbi jdbi, WorkerDao workers) {
        Map<Long, LocalDate> lastDays = jdbi.withExtension(WorkerDayDao.class, WorkerDayDao::lastDayByWorker);
        return workers.listAll().stream().map(worker -> new ListedWorker(worker, lastDays.get(worker.id()))).toList();
    }
}
