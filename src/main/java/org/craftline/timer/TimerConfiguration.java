package org.craftline.timer;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The step timer: how long one may run before stopping it asks for a confirmation. */
public class TimerConfiguration {

    @Min(1)
    @Max(1440)
    private int maxMinutes = 600;

    @JsonProperty
    public int getMaxMinutes() {
        return maxMinutes;
    }

    @JsonProperty
    public void setMaxMinutes(int maxMinutes) {
        this.maxMinutes = maxMinutes;
    }
}
