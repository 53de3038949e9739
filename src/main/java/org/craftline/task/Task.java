package org.craftline.task;

import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.craftline.http.ETags;
import org.craftline.step.Step;

/** A task as the API returns it, with the totals derived from its steps. */
public record Task(
        long id,
        String worker,
        LocalDate date,
        String title,
        String notes,
        List<Step> steps,
        int totalMinutes,
        int craftMinutes,
        Double craftShare,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    static Task of(TaskRow row, List<Step> steps) {
        TaskTotals totals = TaskTotals.of(steps);
        return new Task(row.id(), row.worker(), row.workDate(), row.title(), row.notes(), steps,
                totals.minutes(), totals.craftMinutes(), totals.craftShare(), row.version(),
                row.createdAt(), row.updatedAt());
    }

    EntityTag entityTag() {
        return ETags.entityTag(version);
    }
}
