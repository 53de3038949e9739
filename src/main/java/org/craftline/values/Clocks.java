package org.craftline.values;

import java.time.Clock;
import java.time.Duration;

/**
 * The clock every part of Craftline reads. It ticks in whole microseconds, the finest instant
 * both H2 and PostgreSQL store: an instant taken from it is stored exactly, so what a response
 * shows ({@code createdAt}, {@code updatedAt}) equals what a later read returns. Built once by the
 * application and by each command, then handed to whoever needs the time.
 */
public final class Clocks {

    private static final Duration DATABASE_PRECISION = Duration.ofNanos(1000);

    private Clocks() {
    }

    /** The system clock in UTC, truncated to the databases' precision. */
    public static Clock system() {
        return truncated(Clock.systemUTC());
    }

    /** Any clock truncated to the databases' precision, for tests that need a chosen instant. */
    public static Clock truncated(Clock base) {
        return Clock.tick(base, DATABASE_PRECISION);
    }
}
