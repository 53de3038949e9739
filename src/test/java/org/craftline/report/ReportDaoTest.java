package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.craftline.TestDatabase;
import org.craftline.worker.CreateWorkerRequest;
import org.craftline.worker.WorkerDao;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class ReportDaoTest {

    private static void logStep(Jdbi jdbi, long worker, String date, int minutes, String mode) {
        jdbi.useHandle(h -> {
            long task = h.createUpdate("""
                    INSERT INTO tasks (worker_id, work_date, title, version, created_at, updated_at)
                    VALUES (:w, :d, 't', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
                    .bind("w", worker).bind("d", LocalDate.parse(date))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.execute("""
                    INSERT INTO steps (task_id, step_no, worker_id, work_date, activity, minutes, mode)
                    VALUES (?, 0, ?, ?, 'a', ?, ?)""", task, worker, LocalDate.parse(date), minutes, mode);
        });
    }

    @Test
    void dailyTotals_sumsOneWorkersStepsPerDayInsideTheRange() {
        Jdbi jdbi = TestDatabase.migrated();
        WorkerDao workers = jdbi.onDemand(WorkerDao.class);
        long sam = workers.insert(new CreateWorkerRequest("sam", "Sam", null, null, null), Instant.now());
        long kim = workers.insert(new CreateWorkerRequest("kim", "Kim", null, null, null), Instant.now());
        logStep(jdbi, sam, "2023-03-13", 100, "CRAFT");
        logStep(jdbi, sam, "2023-03-13", 50, "EXECUTION");
        logStep(jdbi, sam, "2023-03-15", 30, "EXECUTION");
        logStep(jdbi, sam, "2023-03-20", 999, "CRAFT");   // after the range
        logStep(jdbi, kim, "2023-03-13", 777, "CRAFT");   // another worker

        List<DailyTotals> days = jdbi.onDemand(ReportDao.class)
                .dailyTotals(sam, LocalDate.parse("2023-03-13"), LocalDate.parse("2023-03-19"));

        assertThat(days).containsExactly(
                new DailyTotals(LocalDate.parse("2023-03-13"), 150, 100),
                new DailyTotals(LocalDate.parse("2023-03-15"), 30, 0));
    }
}
