package org.craftline.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;

@NoDatabase
class CallerTest {

    private static final long SAM = 7;
    private static final long ANA = 8;

    @Test
    void admin_mayAccessAnyonesRowsAndRowsOfNoWorker() {
        Caller admin = new Caller(1, null, null, Role.ADMIN);

        assertThat(admin.mayAccess(SAM)).isTrue();
        assertThat(admin.mayAccess(null)).isTrue();
    }

    @Test
    void worker_mayAccessOnlyTheirOwnRows() {
        Caller sam = new Caller(2, SAM, "sam", Role.WORKER);

        assertThat(sam.mayAccess(SAM)).isTrue();
        assertThat(sam.mayAccess(ANA)).isFalse();
        assertThat(sam.mayAccess(null)).isFalse();
    }

    /** Boxed ids above the Long cache (-128..127) are equal by value, not by reference. */
    @Test
    void worker_isMatchedByValueForLargeIds() {
        Caller worker = new Caller(3, Long.valueOf(1_000_000), "w", Role.WORKER);

        assertThat(worker.mayAccess(Long.valueOf(1_000_000))).isTrue();
    }

    @Test
    void analyst_mayAccessNoOnesRows() {
        Caller analyst = new Caller(4, ANA, "researcher", Role.ANALYST);

        assertThat(analyst.mayAccess(ANA)).isFalse();
        assertThat(analyst.mayAccess(SAM)).isFalse();
    }
}
