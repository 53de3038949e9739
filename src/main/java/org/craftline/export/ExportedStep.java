package org.craftline.export;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import org.craftline.step.Discretion;
import org.craftline.step.Mediation;
import org.craftline.step.Mode;
import org.craftline.step.Step;
import org.craftline.task.Task;
import org.craftline.values.Csv;

/** One row of the CSV export: a step with its task. Text cells are {@link Csv#safe safe} for spreadsheets. */
@JsonPropertyOrder({"worker", "taskId", "date", "title", "notes", "step", "activity", "minutes", "mode", "tool",
        "discretion", "mediation", "note"})
record ExportedStep(String worker, long taskId, LocalDate date, String title, String notes, int step, String activity,
                    int minutes, Mode mode, String tool, Discretion discretion, Mediation mediation, String note) {

    static ExportedStep of(Task task, int stepNo) {
        Step step = task.steps().get(stepNo);
        return new ExportedStep(task.worker(), task.id(), task.date(), Csv.safe(task.title()), Csv.safe(task.notes()),
                stepNo + 1, Csv.safe(step.activity()), step.minutes(), step.mode(), Csv.safe(step.tool()),
                step.discretion(), step.mediation(), Csv.safe(step.note()));
    }
}
