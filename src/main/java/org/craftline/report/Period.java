package org.craftline.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One report period; both ends are inclusive days. */
record Period(LocalDate start, LocalDate end) {

    /** Every period from the one containing {@code from} to the one containing {@code to}, empty ones too. */
    static List<Period> covering(Bucket bucket, LocalDate from, LocalDate to) {
        List<Period> periods = new ArrayList<>();
        for (LocalDate start = bucket.startOf(from); !start.isAfter(to); start = bucket.nextStart(start)) {
            periods.add(new Period(start, bucket.nextStart(start).minusDays(1)));
        }
        return periods;
    }
}
