package org.craftline;

import java.util.List;
import org.craftline.auth.TokenDao;
import org.craftline.event.EventDao;
import org.craftline.idempotency.IdempotencyDao;
import org.craftline.imports.ImportDao;
import org.craftline.report.ReportDao;
import org.craftline.report.TeamCellDao;
import org.craftline.task.TaskDao;
import org.craftline.task.WorkerDayDao;
import org.craftline.worker.WorkerDao;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.sqlobject.SqlObjectFactory;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * Sets a Jdbi up for the DAOs, the one way every entry point does it (server, commands, tests).
 *
 * <p>Besides installing SQL objects, it reads each DAO interface once into the Jdbi's own cache.
 * Jdbi caches what it learns of a DAO type in the configuration of the handle it was attached to,
 * and every handle starts from a copy of the Jdbi's: a type the Jdbi itself never saw was read
 * again by every request (docs/performance.md has the profile that found it).
 */
public final class SqlObjects {

    /** Every DAO interface; one missing here still works, only more slowly. */
    static final List<Class<?>> DAOS = List.of(WorkerDao.class, TokenDao.class, TaskDao.class, WorkerDayDao.class,
            EventDao.class, ReportDao.class, TeamCellDao.class, IdempotencyDao.class, ImportDao.class);

    private SqlObjects() {
    }

    public static Jdbi install(Jdbi jdbi) {
        jdbi.installPlugin(new SqlObjectPlugin());
        Extensions extensions = jdbi.getConfig(Extensions.class);
        ExtensionFactory sqlObjects = extensions.findFactory(SqlObjectFactory.class)
                .orElseThrow(() -> new IllegalStateException("SQL objects are not installed"));
        for (Class<?> dao : DAOS) {
            extensions.findMetadata(dao, sqlObjects);
        }
        return jdbi;
    }
}
