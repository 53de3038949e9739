package org.craftline.db;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

public class DatabaseSafetyConfiguration {

    /** No statement may run longer than this; a runaway report query must not hold a connection. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration statementTimeout = Duration.seconds(30);

    /** Start even when the database's settings can lose acknowledged writes (fsync or synchronous_commit off). */
    private boolean allowUnsafeDurability = false;

    @JsonProperty
    public Duration getStatementTimeout() {
        return statementTimeout;
    }

    @JsonProperty
    public void setStatementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    @JsonProperty
    public boolean isAllowUnsafeDurability() {
        return allowUnsafeDurability;
    }

    @JsonProperty
    public void setAllowUnsafeDurability(boolean allowUnsafeDurability) {
        this.allowUnsafeDurability = allowUnsafeDurability;
    }
}
