package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;

@NoDatabase
class HourlyJobsTest {

    @Test
    void aJobThatFails_keepsItsSchedule() throws InterruptedException {
        CountDownLatch runs = new CountDownLatch(3);
        Runnable failing = () -> {
            runs.countDown();
            throw new IllegalStateException("the database is down");
        };
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            var unused = executor.scheduleWithFixedDelay(HourlyJobs.survivingFailures("probe", failing), 0, 10,
                    TimeUnit.MILLISECONDS);

            assertThat(runs.await(10, TimeUnit.SECONDS)).as("ran again after failing").isTrue();
        } finally {
            executor.shutdownNow();
        }
    }
}
