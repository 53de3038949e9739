package org.craftline.task;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.craftline.step.Step;
import org.craftline.values.Text;
import org.craftline.worker.Handles;

/**
 * The body of {@code POST /api/tasks} and {@code PUT /api/tasks/{id}}. On create {@code worker}
 * names the owner; on replace it may be left out, and if given must be the current owner.
 */
public record TaskRequest(
        @Pattern(regexp = Handles.PATTERN, message = Handles.MESSAGE) String worker,
        @NotNull LocalDate date,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String notes,
        @NotNull @Size(min = 1, max = TaskRequest.MAX_STEPS) List<@NotNull @Valid Step> steps) {

    public static final int MAX_STEPS = 100;

    List<Step> normalizedSteps() {
        return steps.stream().map(Step::normalized).toList();
    }

    /** The title as stored: trimmed. */
    String normalizedTitle() {
        return title.trim();
    }

    /** The notes as stored: trimmed, and absent rather than blank. */
    String normalizedNotes() {
        return Text.blankToNull(notes);
    }
}
