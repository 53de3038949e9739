package org.craftline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The helper that runs initdb, pg_ctl and mount: a hung program must not hang the suite. */
@NoDatabase
class ShellTest {

    @Test
    void aHungProgram_isStoppedAtTheTimeout() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> Shell.run(List.of("sh", "-c", "echo waiting; sleep 60"), Duration.ofMillis(500)))
                .hasMessageContaining("timed out").hasMessageContaining("waiting");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aProgramLeavingAChildRunning_returnsWhenItEnds() {
        long started = System.nanoTime();

        // pg_ctl does this: the server it starts keeps the output open long after pg_ctl returns.
        Shell.run(List.of("sh", "-c", "sleep 30 & echo started"), Duration.ofSeconds(20));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aFailure_carriesWhatTheProgramPrinted() {
        assertThatThrownBy(() -> Shell.run(List.of("sh", "-c", "echo no such cluster; exit 3")))
                .hasMessageContaining("failed").hasMessageContaining("no such cluster");
    }
}
