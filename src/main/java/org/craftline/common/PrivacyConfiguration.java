package org.craftline.common;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;

public class PrivacyConfiguration {

    /** The smallest number of distinct workers a team figure may describe. Never below 5. */
    @Min(value = 5, message = "must be at least 5: smaller groups let a reader single a person out")
    private int minGroupSize = 5;

    @JsonProperty
    public int getMinGroupSize() {
        return minGroupSize;
    }

    @JsonProperty
    public void setMinGroupSize(int minGroupSize) {
        this.minGroupSize = minGroupSize;
    }
}
