package org.craftline.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * How the tests start Craftline in JVMs of their own (about sixty per run: every crash cycle is a
 * start) as fast as a JVM starts: with an AppCDS archive of the classes a server loads, made once
 * per test run by a server started for the purpose. Loading them from the archive rather than from
 * some hundred jars takes a start from about 4 s to 2.5 s. CDS archives classes only from jars, and
 * refuses a class path with a non-empty directory, so the child's class path has the compiled
 * classes as a jar; the test classes, which a child never needs, are left out.
 */
public final class ChildJvm {

    private static String classPath;
    private static List<String> archiveOptions;

    private ChildJvm() {
    }

    /** The class path for a child JVM: the tests' own, with {@code target/classes} as a jar. */
    static synchronized String classPath() {
        if (classPath == null) {
            classPath = jarredClassPath(folder());
        }
        return classPath;
    }

    /**
     * The options that make a child JVM use the archive, made on first call; none if it could not
     * be made (the children then start as fast as they did without it, and the run says so once) or
     * {@code -DchildJvm.archive=false} asks for none, to measure what it saves.
     */
    static synchronized List<String> archiveOptions() {
        if (archiveOptions == null && !Boolean.parseBoolean(System.getProperty("childJvm.archive", "true"))) {
            archiveOptions = List.of();
        }
        if (archiveOptions == null) {
            Path archive = folder().resolve("server-classes.jsa");
            dump(archive);
            // -Xlog:disable: a JVM that finds the archive unusable would otherwise say so on standard
            // output, where the tests of the commands read their answers.
            archiveOptions = Files.exists(archive)
                    ? List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:disable") : List.of();
        }
        return archiveOptions;
    }

    private static Path folder;

    private static Path folder() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("craftline-child-jvm");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }

    /** A server started, asked once, and stopped with SIGTERM, so that its JVM writes what it loaded. */
    private static void dump(Path archive) {
        Path database = folder().resolve("dump").resolve("craftline");
        try {
            Files.createDirectories(database.getParent());
            ServerProcess server = ServerProcess.start(database, TestApp.h2Environment(database),
                    List.of("-XX:ArchiveClassesAtExit=" + archive));
            Http admin = server.admin();
            String worker = TestApp.uniqueHandle("dump");
            TestApp.createWorker(admin, worker);
            admin.post("/api/tasks", Http.json(Payloads.task(worker, "2023-03-01")));
            admin.get("/api/reports/deskilling?worker=" + worker);
            server.terminate();
            if (!server.awaitExit(Duration.ofSeconds(60))) {
                server.close();
            }
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            System.err.println("Child JVMs start without a class archive: " + e);
        }
    }

    private static String jarredClassPath(Path folder) {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!Files.isDirectory(path)) {
                entries.add(entry);
            } else if (!path.endsWith("test-classes")) {
                entries.add(jar(path, folder.resolve(path.getFileName() + ".jar")).toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Path jar(Path directory, Path jar) {
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(directory)) {
            // Folders get entries too, as in a jar Maven makes: the web page's files are looked up by folder.
            for (Path path : files.filter(path -> !path.equals(directory)).sorted().toList()) {
                String name = directory.relativize(path).toString().replace(File.separatorChar, '/');
                boolean folder = Files.isDirectory(path);
                out.putNextEntry(new JarEntry(folder ? name + "/" : name));
                if (!folder) {
                    Files.copy(path, out);
                }
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot jar " + directory, e);
        }
        return jar;
    }
}
