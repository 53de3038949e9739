package org.craftline.timer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.craftline.step.Mode;

/** The body of {@code PUT /api/me/timer}: the step to time, as a step has it, without minutes. */
public record TimerRequest(@NotBlank @Size(max = 64) String activity, @NotNull Mode mode,
                           @Size(max = 100) String tool) {
}
