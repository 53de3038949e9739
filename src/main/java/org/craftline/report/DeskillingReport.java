package org.craftline.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/** The answer of {@code GET /api/reports/deskilling}; field names are the API contract of DESIGN.md. */
public record DeskillingReport(Subject subject, LocalDate from, LocalDate to, Bucket bucket, int window,
                               List<PeriodSummary> series, Trend trend, List<ChangePoint> changePoints,
                               List<EventEffect> events, List<ToolUse> tools) {

    /** Whose work the report describes: one worker, or a team. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subject(String worker, String team) {

        /** How a chart's title names the subject. */
        String describe() {
            return worker != null ? "worker " + worker : "team " + team;
        }
    }
}
