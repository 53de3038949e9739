package org.craftline.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.craftline.files.OwnerOnly;
import org.craftline.problem.UsageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of the embedded H2 database. A backup is H2's own {@code BACKUP TO}, which copies the
 * database file into a zip while the database stays open, consistent as of one commit. A restore
 * puts that file into a place where no database is yet; it never overwrites one.
 */
public final class H2Backup {

    private static final Logger LOG = LoggerFactory.getLogger(H2Backup.class);

    /** H2 names a database's file after the URL's path, with this ending. */
    static final String FILE_ENDING = ".mv.db";

    private H2Backup() {
    }

    /**
     * The database an H2 JDBC URL names, as a path without {@link #FILE_ENDING}; refuses what is not
     * an H2 file database (PostgreSQL, an in-memory or remote H2).
     */
    public static Path databasePath(String jdbcUrl) {
        String url = jdbcUrl.replaceAll(";.*", "");
        if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            throw new UsageException("backup and restore are for the embedded H2 database; the configured "
                    + "database is " + url.replaceAll("[?].*", "") + ". For PostgreSQL, use pg_dump and "
                    + "pg_restore, or point-in-time recovery (see README, Backups)");
        }
        String path = url.substring("jdbc:h2:".length());
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        } else if (path.matches("(?i)(mem|tcp|ssl|zip|nio\\w*|split|async|retry):.*")) {
            throw new UsageException("backup and restore need an H2 database in a file, not " + url);
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Path.of(path).toAbsolutePath().normalize();
    }

    /**
     * Keeps the H2 database's files to their owner: the folder made 0700 if it does not exist yet,
     * and the database file narrowed to 0600 once H2 has made it ({@code afterOpening}). Nothing
     * for an in-memory or remote H2, or for PostgreSQL.
     */
    public static void ownerOnly(String jdbcUrl, boolean afterOpening) throws IOException {
        Path database;
        try {
            database = databasePath(jdbcUrl);
        } catch (UsageException notAFile) {
            return;
        }
        if (afterOpening) {
            Path file = database.resolveSibling(database.getFileName() + FILE_ENDING);
            try {
                OwnerOnly.restrict(file);
            } catch (IOException notOurs) {
                // A file another user owns (shared through a group, say) still works: say so, start anyway.
                LOG.warn("Could not make {} readable by its owner alone: {}", file, notOurs.toString());
            }
        } else {
            OwnerOnly.directory(database.getParent());
        }
    }

    /**
     * Checks where a backup is to go: a new .zip file in a folder that exists, with no symbolic
     * link anywhere on its path (a link would send the backup somewhere the path does not say)
     * and no control character in it; its absolute path.
     */
    public static Path backupTarget(String file) {
        if (file.chars().anyMatch(Character::isISOControl)) {
            throw new UsageException("the backup's path holds a control character (a line break, say); give a plain path");
        }
        Path zip = Path.of(file).toAbsolutePath().normalize();
        if (!zip.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            throw new UsageException("the backup is a zip file: give a name ending in .zip, not " + zip);
        }
        for (Path step = zip; step != null; step = step.getParent()) {
            if (Files.isSymbolicLink(step)) {
                throw new UsageException(step + " is a symbolic link; give the backup a path without links");
            }
        }
        if (Files.exists(zip, LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException(zip + " exists already; a backup never overwrites a file");
        }
        if (!Files.isDirectory(zip.getParent())) {
            throw new UsageException("there is no folder " + zip.getParent() + " to put the backup in");
        }
        return zip;
    }

    /**
     * Backs up the database {@code connection} is open on into {@code zip}, readable by its owner
     * only; its size in bytes. H2 writes the backup into a folder of our own beside it (0700),
     * which is then copied into a file created for it alone ({@link OwnerOnly#newFile}), so that a
     * link or file put at {@code zip} after the checks makes the backup fail, never follow it.
     */
    public static long backUp(Connection connection, Path zip) throws SQLException, IOException {
        Path target = backupTarget(zip.toString());
        Path staging = Files.createTempDirectory(target.getParent(), ".craftline-backup-");
        Path written = staging.resolve("backup.zip");
        try {
            try (Statement statement = connection.createStatement()) {
                // BACKUP TO takes a literal, not a parameter; the path is ours, its quotes doubled.
                statement.execute("BACKUP TO '" + written.toString().replace("'", "''") + "'");
            }
            OwnerOnly.newFile(target);
            try (InputStream in = Files.newInputStream(written);
                 OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                in.transferTo(out);
            } catch (IOException | RuntimeException failed) {
                Files.deleteIfExists(target);   // no half backup where the operator looks for one
                throw failed;
            }
        } finally {
            Files.deleteIfExists(written);
            Files.deleteIfExists(staging);
        }
        return Files.size(target);
    }

    /**
     * Puts the database in {@code zip} at {@code database} (a path without {@link #FILE_ENDING}),
     * whose file must not exist yet; written beside it first, checked to be a Craftline database
     * ({@link CraftlineSchemaCheck}, before anything opens it) and then moved, so a refused or
     * failed restore leaves no file where a database is looked for.
     */
    public static void restore(Path zip, Path database) throws Exception {
        Path file = database.resolveSibling(database.getFileName() + FILE_ENDING);
        if (Files.exists(file)) {
            throw new UsageException(file + " exists already; restore into a new data directory (set "
                    + "CRAFTLINE_DB_URL to a database that does not exist yet): a restore never overwrites a database");
        }
        requireBackupFile(zip);
        try (ZipFile backup = openZip(zip)) {
            ZipEntry entry = backup.stream().filter(candidate -> candidate.getName().endsWith(FILE_ENDING)
                            && !candidate.getName().contains("/")).findFirst()
                    .orElseThrow(() -> new UsageException(zip + " holds no H2 database: is it a Craftline backup?"));
            OwnerOnly.directory(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), database.getFileName().toString(), ".restoring");
            try (InputStream in = backup.getInputStream(entry)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                CraftlineSchemaCheck.check(partial, zip);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }

    /** Checks that a backup to restore from is there. */
    public static void requireBackupFile(Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw new UsageException("there is no backup file " + zip.toAbsolutePath());
        }
    }

    private static ZipFile openZip(Path zip) throws IOException {
        try {
            return new ZipFile(zip.toFile());
        } catch (java.util.zip.ZipException e) {
            throw new UsageException(zip + " is not a zip file: is it a Craftline backup?");
        }
    }
}
