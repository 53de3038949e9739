package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.craftline.testing.NoDatabase;
import org.craftline.access.Caller;
import org.craftline.access.Role;
import org.craftline.problem.ApiException;
import org.junit.jupiter.api.Test;

@NoDatabase
class ReportBulkheadTest {

    private static Caller token(long id) {
        return new Caller(id, id, "w" + id, Role.WORKER);
    }

    private static int statusOf(Runnable entering) {
        try {
            entering.run();
            return 200;
        } catch (ApiException refused) {
            assertThat(refused.response().getHeaderString("Retry-After")).isEqualTo("1");
            return refused.status();
        }
    }

    @Test
    void aTokenOverItsShare_gets429AtOnce() {
        ReportBulkhead bulkhead = new ReportBulkhead(4, 2);
        bulkhead.enter(token(1));
        bulkhead.enter(token(1));

        assertThat(statusOf(() -> bulkhead.enter(token(1)))).isEqualTo(429);
        assertThat(statusOf(() -> bulkhead.enter(token(2)))).as("another token still gets in").isEqualTo(200);
    }

    @Test
    void theServiceAtItsLimit_gives503AtOnce_andKeepsNoPlaceForTheRefused() {
        ReportBulkhead bulkhead = new ReportBulkhead(2, 2);
        bulkhead.enter(token(1));
        bulkhead.enter(token(2));

        assertThat(statusOf(() -> bulkhead.enter(token(3)))).isEqualTo(503);
        assertThat(bulkhead.running()).isEqualTo(2);
    }

    @Test
    void closingAPermit_freesItsPlace() {
        ReportBulkhead bulkhead = new ReportBulkhead(1, 1);
        ReportBulkhead.Permit first = bulkhead.enter(token(1));

        first.close();

        assertThat(statusOf(() -> bulkhead.enter(token(1)))).isEqualTo(200);
        assertThat(bulkhead.running()).isEqualTo(1);
    }

    @Test
    void limitsBelowOne_areRefused() {
        assertThatThrownBy(() -> new ReportBulkhead(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportBulkhead(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void limitsThatWouldTakeEveryConnection_areLoweredBelowThePoolSize() {
        ReportsConfiguration reports = new ReportsConfiguration();
        reports.setMaxConcurrent(16);

        assertThat(reports.bulkhead(16).maxConcurrent()).isEqualTo(15);
        assertThat(reports.bulkhead(17).maxConcurrent()).isEqualTo(16);
        assertThat(reports.bulkhead(1).maxConcurrent()).as("a pool of one still runs reports").isEqualTo(1);
    }
}
