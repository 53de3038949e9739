package org.craftline.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * How the tests start Craftline in JVMs of their own (about a hundred per build: every crash cycle is
 * a start) as fast as a JVM starts: with an AppCDS archive of the classes a server loads, made by a
 * server started for the purpose. Loading them from the archive rather than from some hundred jars
 * takes a start from about 4 s to 2.5 s. CDS archives classes only from jars, and refuses a class
 * path with a non-empty directory, so the child's class path has the compiled classes as a jar; the
 * test classes, which a child never needs, are left out.
 *
 * <p>The jar and the archive are made once per build, not once per test JVM: they live in
 * {@code target/child-jvm/KEY}, where the key changes whenever the class path or a compiled class
 * does, and the test JVMs that run side by side (both of Surefire's forks, both databases' runs)
 * take turns through a file lock, so the first makes them and the others use them.
 */
public final class ChildJvm {

    private static final Path ROOT = Path.of("target", "child-jvm");

    private static Path folder;
    private static String classPath;
    private static List<String> archiveOptions;

    private ChildJvm() {
    }

    /** The class path for a child JVM: the tests' own, with {@code target/classes} as a jar. */
    static synchronized String classPath() {
        if (classPath == null) {
            classPath = underLock(() -> jarredClassPath(folder()));
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
            String path = classPath();
            Path archive = folder().resolve("server-classes.jsa");
            Path unusable = folder().resolve("no-archive");
            underLock(() -> {
                if (!Files.exists(archive) && !Files.exists(unusable)) {
                    dump(archive, unusable);
                }
                return path;
            });
            // -Xlog:disable: a JVM that finds the archive unusable would otherwise say so on standard
            // output, where the tests of the commands read their answers.
            archiveOptions = Files.exists(archive)
                    ? List.of("-XX:SharedArchiveFile=" + archive.toAbsolutePath(), "-Xlog:disable") : List.of();
        }
        return archiveOptions;
    }

    /** This build's folder: named by a digest of the class path and of every compiled class's size and time. */
    private static Path folder() {
        if (folder == null) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                    digest.update((entry + "\n").getBytes(StandardCharsets.UTF_8));
                    Path path = Path.of(entry);
                    if (Files.isDirectory(path) && !path.endsWith("test-classes")) {
                        try (Stream<Path> files = Files.walk(path)) {
                            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                                digest.update((file + " " + Files.size(file) + " "
                                        + Files.getLastModifiedTime(file).toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
                            }
                        }
                    }
                }
                folder = Files.createDirectories(ROOT.resolve(HexFormat.of().formatHex(digest.digest(), 0, 8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return folder;
    }

    /** Runs {@code work} holding the build's lock, which other test JVMs wait for. */
    private static <T> T underLock(Supplier<T> work) {
        try (FileChannel channel = FileChannel.open(folder().resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            return work.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A server started, asked once, and stopped with SIGTERM, so that its JVM writes what it loaded;
     * if that fails, {@code unusable} says so to the other test JVMs.
     */
    private static void dump(Path archive, Path unusable) {
        Path database = TestApp.newDatabaseFile();
        try {
            ServerProcess server = ServerProcess.start(database, TestApp.h2Environment(database),
                    List.of("-XX:ArchiveClassesAtExit=" + archive.toAbsolutePath()));
            Http admin = server.admin();
            String worker = TestApp.uniqueHandle("dump");
            TestApp.createWorker(admin, worker);
            admin.post("/api/tasks", Http.json(Payloads.task(worker, "2023-03-01")));
            admin.get("/api/reports/deskilling?worker=" + worker);
            server.terminate();
            if (!server.awaitExit(Duration.ofSeconds(60))) {
                server.close();
            }
        } catch (InterruptedException | RuntimeException | AssertionError e) {
            System.err.println("Child JVMs start without a class archive: " + e);
        }
        if (!Files.exists(archive)) {
            try {
                Files.writeString(unusable, "the archive could not be made; see the first test JVM's output");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String jarredClassPath(Path folder) {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!Files.isDirectory(path)) {
                entries.add(entry);
            } else if (!path.endsWith("test-classes")) {
                Path jar = folder.resolve(path.getFileName() + ".jar");
                // Made once: the archive holds the jar's time and size, and refuses a jar made again.
                entries.add((Files.exists(jar) ? jar : jar(path, jar)).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** {@code directory} as {@code jar}, which appears whole or not at all. */
    private static Path jar(Path directory, Path jar) {
        Path partial = jar.resolveSibling(jar.getFileName() + ".partial");
        try (OutputStream file = Files.newOutputStream(partial);
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
        try {
            return Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
