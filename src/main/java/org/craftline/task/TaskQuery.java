package org.craftline.task;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The filters of {@code GET /api/tasks}. The SQL is put together from fixed fragments, one per
 * filter given, and every value is bound: an absent filter costs the planner nothing, which
 * {@code (:x IS NULL OR ...)} would not guarantee on PostgreSQL.
 */
record TaskQuery(Long workerId, LocalDate from, LocalDate to, Mode mode, String tool, String activity,
                 TaskCursor cursor, int limit) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    List<TaskRow> run(Handle handle) {
        StringBuilder sql = new StringBuilder(TaskDao.SELECT_TASK).append("WHERE 1 = 1\n");
        Map<String, Object> values = new HashMap<>();
        if (workerId != null) {
            sql.append("AND t.worker_id = :workerId\n");
            values.put("workerId", workerId);
        }
        if (from != null) {
            sql.append("AND t.work_date >= :from\n");
            values.put("from", from);
        }
        if (to != null) {
            sql.append("AND t.work_date <= :to\n");
            values.put("to", to);
        }
        if (mode != null) {
            sql.append("AND EXISTS (SELECT 1 FROM steps s WHERE s.task_id = t.id AND s.mode = :mode)\n");
            values.put("mode", mode.name());
        }
        if (tool != null) {
            sql.append("AND EXISTS (SELECT 1 FROM steps s WHERE s.task_id = t.id AND LOWER(s.tool) = LOWER(:tool))\n");
            values.put("tool", tool);
        }
        if (activity != null) {
            sql.append("AND EXISTS (SELECT 1 FROM steps s WHERE s.task_id = t.id AND s.activity = :activity)\n");
            values.put("activity", activity.toLowerCase(Locale.ROOT));
        }
        if (cursor != null) {
            sql.append("AND (t.work_date < :cursorDate OR (t.work_date = :cursorDate AND t.id < :cursorId))\n");
            values.put("cursorDate", cursor.date());
            values.put("cursorId", cursor.id());
        }
        // One row more than the page shows whether a next page exists.
        sql.append("ORDER BY t.work_date DESC, t.id DESC\nLIMIT :fetch");
        values.put("fetch", limit + 1);

        return handle.createQuery(sql.toString())
                .bindMap(values)
                .registerRowMapper(ConstructorMapper.factory(TaskRow.class))
                .mapTo(TaskRow.class)
                .list();
    }
}
