package org.craftline.worker;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Worker.class)
public interface WorkerDao {

    @SqlUpdate("""
            INSERT INTO workers (handle, display_name, occupation, onet_soc, team, created_at)
            VALUES (:handle, :displayName, :occupation, :onetSoc, :team, :createdAt)
            """)
    @GetGeneratedKeys("id")
    long insert(@BindMethods CreateWorkerRequest request, Instant createdAt);

    @SqlQuery("""
            SELECT id, handle, display_name, occupation, onet_soc, team, created_at
            FROM workers
            WHERE handle = :handle
            """)
    Optional<Worker> findByHandle(String handle);

    @SqlQuery("""
            SELECT id, handle, display_name, occupation, onet_soc, team, created_at
            FROM workers
            ORDER BY handle
            """)
    List<Worker> listAll();
}
