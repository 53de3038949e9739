package org.craftline.imports;

import java.util.List;

/**
 * What an import did, or with {@code dryRun} would do: rows read, new ones, duplicates (imported
 * before, or twice in the file), rejected ones with their reasons (at most the first 1,000 listed),
 * and the tasks and steps made of the new rows.
 */
public record ImportReport(
        String source,
        boolean dryRun,
        int rows,
        int newRows,
        int duplicateRows,
        int rejectedRows,
        int tasks,
        int steps,
        List<RejectedRow> rejected,
        String summary) {

    static final int LISTED = 1000;
}
