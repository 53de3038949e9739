package org.craftline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.craftline.CraftlineApplication;

/**
 * Craftline's main class in a JVM of its own, on the tests' class path, as an operator runs the jar:
 * its own standard output and error, its exit code, environment variables in place of the shell's.
 */
public final class JavaProcess {

    private JavaProcess() {
    }

    /** What a finished run printed, and how it ended. */
    public record Outcome(int exitCode, String stdout, String stderr) {
    }

    /**
     * Runs {@code arguments} (such as {@code token create config.yml}) to the end, within a minute, in
     * {@code directory}; the argument {@code config.yml} stands for the project's own.
     */
    public static Outcome run(Path directory, Map<String, String> environment, String... arguments) {
        try {
            Path out = Files.createTempFile("craftline-stdout", ".txt");
            Path err = Files.createTempFile("craftline-stderr", ".txt");
            Process process = builder(directory, environment, List.of(), arguments)
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("still running after a minute: " + String.join(" ", arguments));
            }
            return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts {@code arguments} in {@code directory}, both outputs going to {@code log}, and leaves it running. */
    public static Process start(Path directory, Map<String, String> environment, Path log, String... arguments) {
        return start(directory, environment, log, List.of(), arguments);
    }

    /** The same, with options for the JVM (which then goes without the class archive: see {@link ChildJvm}). */
    static Process start(Path directory, Map<String, String> environment, Path log, List<String> jvmOptions,
                         String... arguments) {
        return start(List.of(), directory, environment, log, jvmOptions, arguments);
    }

    /** The same, the JVM started through {@code commandPrefix} (nsenter into a namespace, say). */
    static Process start(List<String> commandPrefix, Path directory, Map<String, String> environment, Path log,
                         List<String> jvmOptions, String... arguments) {
        try {
            ProcessBuilder builder = builder(directory, environment, jvmOptions, arguments);
            List<String> command = new ArrayList<>(commandPrefix);
            command.addAll(builder.command());
            return builder.command(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProcessBuilder builder(Path directory, Map<String, String> environment, List<String> jvmOptions,
                                          String... arguments) {
        // The quick-start JIT and a small collector: these JVMs live for seconds, and some tests start many.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC"));
        command.addAll(jvmOptions.isEmpty() ? ChildJvm.archiveOptions() : jvmOptions);
        command.addAll(List.of("-cp", ChildJvm.classPath(), CraftlineApplication.class.getName()));
        for (String argument : arguments) {
            command.add(argument.equals("config.yml") ? Path.of("config.yml").toAbsolutePath().toString() : argument);
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().putAll(environment);
        return builder;
    }
}
