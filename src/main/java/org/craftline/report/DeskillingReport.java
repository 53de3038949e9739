package org.craftline.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/** The answer of {@code GET /api/reports/deskilling}; its field names are a contract clients test against (docs/report.md). */
public record DeskillingReport(Subject subject, LocalDate from, LocalDate to, Bucket bucket, int window,
                               List<PeriodSummary> series, Trend trend, List<ChangePoint> changePoints,
                               List<EventEffect> events, List<ToolUse> tools,
                               @JsonInclude(JsonInclude.Include.NON_NULL) TeamPrivacy privacy,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Omitted omitted) {

    /**
     * What the report leaves out to bound its cost ({@code ReportService.MAX_MARKERS}, {@code MAX_TOOLS}):
     * markers (recorded events and first uses) and tools beyond the limits. Absent when nothing was left out.
     */
    public record Omitted(int markers, int tools, String note) {

        static Omitted of(int markers, int tools) {
            return markers == 0 && tools == 0 ? null : new Omitted(markers, tools, "A report shows at most "
                    + ReportService.MAX_MARKERS + " events and first uses (recorded events first, then in date order) "
                    + "and the " + ReportService.MAX_TOOLS + " most used tools; a shorter range shows those it left out.");
        }
    }

    /** How a team report protects its members, said in the report itself; absent from a worker's own. */
    public record TeamPrivacy(int minGroupSize, int graceDays, String note) {

        static TeamPrivacy of(int minGroupSize, int graceDays) {
            return new TeamPrivacy(minGroupSize, graceDays, "Team figures are published one ISO week at a time, "
                    + graceDays + " days after the week ends, and never change after that: entries made after "
                    + "publication are not in the team figures. A week with fewer than " + minGroupSize
                    + " people is hidden, and so is a tool fewer than " + minGroupSize + " people used in it. "
                    + "A team month is the weeks whose Thursday falls in it.");
        }
    }

    /** Whose work the report describes: one worker, or a team. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subject(String worker, String team) {

        /** How a chart's title names the subject. */
        String describe() {
            return worker != null ? "worker " + worker : "team " + team;
        }
    }
}
