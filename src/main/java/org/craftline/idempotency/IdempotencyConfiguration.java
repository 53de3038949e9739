package org.craftline.idempotency;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** How long an Idempotency-Key is remembered; see {@link IdempotencyKeys}. */
public class IdempotencyConfiguration {

    /** A retry after this long is a new request. Stripe keeps keys for 24 hours too. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    private Duration keyTtl = Duration.hours(24);

    @JsonProperty
    public Duration getKeyTtl() {
        return keyTtl;
    }

    @JsonProperty
    public void setKeyTtl(Duration keyTtl) {
        this.keyTtl = keyTtl;
    }
}
