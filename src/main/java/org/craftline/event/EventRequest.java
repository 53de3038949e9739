package org.craftline.event;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.craftline.worker.Handles;

/** {@code worker} may be left out with a worker token: the event is then the caller's own. */
public record EventRequest(
        @Pattern(regexp = Handles.PATTERN, message = Handles.MESSAGE) String worker,
        @NotNull LocalDate date,
        @NotBlank @Size(max = 200) String label,
        @Size(max = 100) String tool) {
}
