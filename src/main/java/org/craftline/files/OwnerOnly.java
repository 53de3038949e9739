package org.craftline.files;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only their owner may read: the database, its backups, the admin token. The server often
 * runs as root or as a service account on a shared machine, where the default umask leaves new
 * files readable by everyone. On a file system without POSIX permissions (Windows) these are
 * plain creations.
 */
public final class OwnerOnly {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {
    }

    /** The directory, made 0700 with any missing parents when it does not exist; one that exists is left as it is. */
    public static Path directory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, attributes(DIRECTORY));
        }
        return directory;
    }

    /**
     * A new empty file, 0600. Fails if anything is at {@code file}, a dangling symbolic link
     * included ({@code O_EXCL}): nothing is ever written through a link or over another file.
     */
    public static Path newFile(Path file) throws IOException {
        return Files.createFile(file, attributes(FILE));
    }

    /** Narrows an existing file to 0600. */
    public static void restrict(Path file) throws IOException {
        if (POSIX && Files.exists(file)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    private static FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }
}
