package org.craftline.worker;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record CreateWorkerRequest(
        @NotNull @Pattern(regexp = Handles.PATTERN, message = Handles.MESSAGE) String handle,
        @NotBlank @Size(max = 200) String displayName,
        @Size(max = 200) String occupation,
        @Pattern(regexp = "\\d{2}-\\d{4}\\.\\d{2}", message = "must be an O*NET-SOC code such as 27-1014.00")
        String onetSoc,
        @Pattern(regexp = Handles.PATTERN, message = Handles.MESSAGE) String team) {
}
