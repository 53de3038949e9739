package org.craftline.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.craftline.testing.NoDatabase;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.Test;

/**
 * With {@code WRITE_DELAY=0} nothing in H2 rewrites the live rest of old chunks, so the file keeps
 * every chunk a commit ever wrote that still holds a live page; the housekeeping does it, for the
 * chunks its own flush has put on the disk, without waiting out H2's 45 s. Through Dropwizard's
 * pool, as the server reaches its store.
 */
@NoDatabase
class H2HousekeepingTest {

    private static final int ROWS = 20_000;

    @Test
    void chunksOfMostlyDeadPages_areRewrittenOnceFlushed() throws Exception {
        Path file = Files.createTempDirectory("housekeeping").resolve("db");
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass("org.h2.Driver");
        factory.setUrl(Dialect.h2FileUrl(file));
        factory.setUser("sa");
        ManagedDataSource pool = factory.build(new MetricRegistry(), "housekeeping");
        try {
            Jdbi jdbi = OneWriterAtATime.installOn(Jdbi.create(pool), Dialect.H2);
            jdbi.useHandle(handle -> handle.execute("CREATE TABLE rows (id INT PRIMARY KEY, text VARCHAR(300))"));
            // Every row written ten times, a commit each hundred rows: each commit's pages in a new
            // chunk, the older copies dead but their chunks kept alive by the pages no commit touched since.
            for (int round = 0; round < 10; round++) {
                int version = round;
                for (int from = 0; from < ROWS; from += 100) {
                    int first = from;
                    jdbi.useTransaction(handle -> {
                        PreparedBatch merge = handle.prepareBatch("MERGE INTO rows (id, text) KEY (id) VALUES (?, ?)");
                        for (int id = first; id < first + 100; id++) {
                            merge.bind(0, id).bind(1, version + "x".repeat(200)).add();
                        }
                        merge.execute();
                    });
                }
            }
            int before = chunksFillRate(jdbi);
            int retention = retentionTime(jdbi);

            H2Housekeeping housekeeping = new H2Housekeeping(jdbi);
            housekeeping.run();
            // Its first run knows of no flush that ended after these commits: H2's 45 s still hold.
            assertThat(chunksFillRate(jdbi)).as("after the first run").isEqualTo(before);
            for (int run = 0; run < 50; run++) {
                housekeeping.run();
            }
            int after = chunksFillRate(jdbi);

            // Fifty runs (about twelve seconds in the server) rewrite the emptiest chunks first.
            assertThat(after).as("share of live data in the file's chunks, %d%% before", before)
                    .isGreaterThanOrEqualTo(40).isGreaterThanOrEqualTo(5 * before);
            assertThat(retentionTime(jdbi)).as("H2's retention time for the commits between runs")
                    .isEqualTo(retention).isEqualTo(45_000);
            int lastVersions = jdbi.withHandle(handle -> handle.createQuery(
                    "SELECT COUNT(*) FROM rows WHERE text LIKE '9%'").mapTo(Integer.class).one());
            assertThat(lastVersions).as("every row's last version").isEqualTo(ROWS);
        } finally {
            pool.stop();
        }
    }

    private static int retentionTime(Jdbi jdbi) {
        return jdbi.withHandle(handle -> H2Housekeeping.storeOf(handle).getRetentionTime());
    }

    private static int chunksFillRate(Jdbi jdbi) {
        return jdbi.withHandle(handle -> H2Housekeeping.storeOf(handle).getFileStore().getChunksFillRate());
    }
}
