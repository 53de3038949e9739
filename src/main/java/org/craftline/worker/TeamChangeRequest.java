package org.craftline.worker;

import jakarta.validation.constraints.Pattern;

/** The team a worker moves to; null (or left out) takes them out of any team. */
public record TeamChangeRequest(
        @Pattern(regexp = Handles.PATTERN, message = Handles.MESSAGE) String team) {
}
