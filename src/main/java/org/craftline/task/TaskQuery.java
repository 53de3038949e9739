package org.craftline.task;

import java.time.LocalDate;
import java.util.Locale;
import org.craftline.step.Mode;

/**
 * The filters of {@code GET /api/tasks}, each null when not given; {@link TaskDao#list} runs them.
 * Activities are stored lowercased, so the activity filter is too.
 */
record TaskQuery(Long workerId, LocalDate from, LocalDate to, Mode mode, String tool, String activity,
                 TaskCursor cursor, int limit) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    TaskQuery {
        activity = activity == null ? null : activity.toLowerCase(Locale.ROOT);
    }
}
