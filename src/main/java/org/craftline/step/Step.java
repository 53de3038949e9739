package org.craftline.step;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.craftline.values.Text;

/** One step of a task, the unit of decomposition; the same shape in requests and responses. */
public record Step(
        @NotBlank @Size(max = 64) String activity,
        @NotNull @Min(1) @Max(1440) Integer minutes,
        @NotNull Mode mode,
        @Size(max = 100) String tool,
        Discretion discretion,
        Mediation mediation,
        @Size(max = 1000) String note) {

    /**
     * Activities are compared across days by name, so {@code "Sculpt "} and {@code "sculpt"} must be
     * one activity; blank optional text is stored as absent.
     */
    public Step normalized() {
        return new Step(activity.trim().toLowerCase(Locale.ROOT), minutes, mode, Text.blankToNull(tool),
                discretion, mediation, Text.blankToNull(note));
    }

    /** Not a field of the API's step: Jackson would otherwise write every public getter. */
    @JsonIgnore
    public boolean isCraft() {
        return mode == Mode.CRAFT;
    }
}
