package org.craftline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a program of the machine's (initdb, pg_ctl, mount) for a test, to its end. */
public final class Shell {

    static final Duration TIMEOUT = Duration.ofMinutes(1);

    private Shell() {
    }

    /** Runs {@code command} within a minute; a failure carries what it printed. */
    public static void run(List<String> command) {
        run(command, TIMEOUT);
    }

    /**
     * Runs {@code command}, stopping it at {@code timeout}. Its output goes to a file, not a pipe:
     * reading a pipe to its end would wait for every process that holds it open (a server the
     * command started, a hung child), and the timeout would never be reached.
     */
    public static void run(List<String> command, Duration timeout) {
        Path output = null;
        try {
            output = Files.createTempFile("craftline-shell", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("timed out after " + timeout + ": " + String.join(" ", command) + "\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("failed: " + String.join(" ", command) + "\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }
}
