package org.craftline.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/** The answer of {@code GET /api/reports/deskilling}. */
public record DeskillingReport(Subject subject, LocalDate from, LocalDate to, Bucket bucket,
                               List<PeriodSummary> series) {

    /** Whose work the report describes: one worker, or (later) a team. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subject(String worker, String team) {
    }
}
