package org.craftline;

import java.util.List;
import org.craftline.auth.TokenDao;
import org.craftline.db.SchemaFingerprintDao;
import org.craftline.event.EventDao;
import org.craftline.idempotency.IdempotencyDao;
import org.craftline.imports.ImportDao;
import org.craftline.imports.capture.ImportDayDao;
import org.craftline.report.ReportDao;
import org.craftline.report.TeamCellDao;
import org.craftline.rollup.WorkerDayDao;
import org.craftline.rules.RuleDao;
import org.craftline.task.TaskDao;
import org.craftline.timer.TimerDao;
import org.craftline.worker.WorkerDao;

/** Every DAO interface of the service, for the server to read once at start ({@code db/SqlObjects}). */
public final class CraftlineDaos {

    public static final List<Class<?>> ALL = List.of(WorkerDao.class, TokenDao.class, TaskDao.class, WorkerDayDao.class,
            EventDao.class, ReportDao.class, TeamCellDao.class, IdempotencyDao.class, ImportDao.class,
            RuleDao.class, ImportDayDao.class, TimerDao.class, SchemaFingerprintDao.class);

    private CraftlineDaos() {
    }
}
