package org.craftline.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The month versions of the workers in a report's scope ({@code worker_months}), folded per month
 * into one fingerprint: the sum of a 64-bit mix of each worker's id, month and version, which does
 * not depend on the order the rows arrive in and changes when any version, or the set of workers,
 * does. Public only because the DAO's proxy returns it.
 */
public final class MonthVersions {

    private final Map<LocalDate, Long> byMonth = new HashMap<>();

    void add(long workerId, LocalDate month, long version) {
        byMonth.merge(month, mix(workerId, month.toEpochDay(), version), Long::sum);
    }

    /** The fingerprint of the months from {@code first}'s to {@code last}'s; 0 when none has a version. */
    long fingerprint(LocalDate first, LocalDate last) {
        long fingerprint = 0;
        for (LocalDate month = first.withDayOfMonth(1); !month.isAfter(last); month = month.plusMonths(1)) {
            fingerprint += byMonth.getOrDefault(month, 0L);
        }
        return fingerprint;
    }

    /** SplitMix64's finalizer over the three values, so that sums of different rows do not cancel out. */
    static long mix(long workerId, long epochMonth, long version) {
        long z = workerId * 0x9E3779B97F4A7C15L + epochMonth * 0xC2B2AE3D27D4EB4FL + version * 0x165667B19E3779F9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
