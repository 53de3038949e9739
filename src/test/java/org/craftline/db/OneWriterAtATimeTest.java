package org.craftline.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.craftline.problem.ApiException;
import org.craftline.problem.ProblemType;
import org.craftline.testing.NoDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** On H2 a write waits for the one under way (why: {@link OneWriterAtATime}); on PostgreSQL it does not. */
@NoDatabase
class OneWriterAtATimeTest {

    /** Two writes on {@code jdbi} from two threads, the first still inside when the second starts; how many were inside at once, at most. */
    private static int mostWritesAtOnce(Jdbi jdbi) throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch firstIsIn = new CountDownLatch(1);
        Runnable write = () -> Transactions.write(jdbi, handle -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            firstIsIn.countDown();
            sleep(300);
            return inside.decrementAndGet();
        });
        CompletableFuture<Void> first = CompletableFuture.runAsync(write);
        assertThat(firstIsIn.await(10, TimeUnit.SECONDS)).isTrue();
        write.run();
        first.get(10, TimeUnit.SECONDS);
        return most.get();
    }

    @Test
    void onH2_aWriteWaitsForTheOneUnderWay() throws Exception {
        assertThat(mostWritesAtOnce(OneWriterAtATime.installOn(database(), Dialect.H2))).isEqualTo(1);
    }

    @Test
    void onPostgresql_writesRunSideBySide() throws Exception {
        assertThat(mostWritesAtOnce(OneWriterAtATime.installOn(database(), Dialect.POSTGRESQL)))
                .isEqualTo(2);
    }

    @Test
    void aWriteThatCannotGetItsTurn_isToldToTryAgain() throws Exception {
        Jdbi jdbi = OneWriterAtATime.installOn(database(), Dialect.H2);
        CountDownLatch firstIsIn = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> OneWriterAtATime.run(jdbi, () -> {
            firstIsIn.countDown();
            return await(release);
        }));
        try {
            assertThat(firstIsIn.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> OneWriterAtATime.run(jdbi, Duration.ofMillis(100), () -> "never"))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(ProblemType.UNAVAILABLE.status());
                        assertThat(e.response().getHeaderString("Retry-After")).isEqualTo("1");
                    });
        } finally {
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A database of its own: the lock does not depend on which database is behind the Jdbi. */
    private static Jdbi database() {
        return Jdbi.create("jdbc:h2:mem:writers-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
