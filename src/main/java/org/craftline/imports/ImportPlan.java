package org.craftline.imports;

import java.util.List;
import org.craftline.task.NewTask;
import org.craftline.worker.Worker;

/**
 * A file read and checked, nothing written yet: the tasks its new rows make (one per day and
 * project, steps in start-time order) with the rows of each, the duplicates and the rejected rows.
 */
record ImportPlan(Tracker tracker, Worker owner, int rows, int duplicates, List<RejectedRow> rejected,
                  List<NewTask> tasks, List<List<ImportedRow>> rowsOfTasks, byte[] digest) {

    int newRows() {
        return rowsOfTasks.stream().mapToInt(List::size).sum();
    }

    ImportReport report(boolean dryRun, int tasksCreated) {
        int tasksMade = dryRun ? tasks.size() : tasksCreated;
        int steps = dryRun || tasksCreated > 0 ? newRows() : 0;
        String summary;
        if (rows == 0) {
            summary = "The file has no rows to import.";
        } else if (tasks.isEmpty() && rejected.isEmpty()) {
            summary = "Nothing new: all " + rows + " rows were imported before.";
        } else {
            summary = (dryRun ? "Would import " : "Imported ") + steps + " of " + rows + " rows as " + tasksMade
                    + " tasks; " + duplicates + " already imported, " + rejected.size() + " rejected"
                    + (dryRun ? ". Nothing was written." : ".");
        }
        return new ImportReport(tracker.id(), dryRun, rows, newRows(), duplicates, rejected.size(), tasksMade, steps,
                rejected.subList(0, Math.min(rejected.size(), ImportReport.LISTED)), summary);
    }
}
