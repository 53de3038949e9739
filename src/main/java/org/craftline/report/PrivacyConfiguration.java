package org.craftline.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;

public class PrivacyConfiguration {

    /** The smallest number of distinct workers a team figure may describe. Never below 5. */
    @Min(value = 5, message = "must be at least 5: smaller groups let a reader single a person out")
    private int minGroupSize = 5;

    /**
     * Days after a week ends before a team's figures for it are published and fixed: entries made
     * for the week later than this are not in the team figures. At least 7, so that a week's own
     * late entries (a Friday logged on Monday) still count.
     */
    @Min(value = 7, message = "must be at least 7: a week's work needs time to be logged before it is fixed")
    private int teamGraceDays = 14;

    @JsonProperty
    public int getTeamGraceDays() {
        return teamGraceDays;
    }

    @JsonProperty
    public void setTeamGraceDays(int teamGraceDays) {
        this.teamGraceDays = teamGraceDays;
    }

    @JsonProperty
    public int getMinGroupSize() {
        return minGroupSize;
    }

    @JsonProperty
    public void setMinGroupSize(int minGroupSize) {
        this.minGroupSize = minGroupSize;
    }
}
