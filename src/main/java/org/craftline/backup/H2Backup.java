package org.craftline.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.craftline.problem.UsageException;

/**
 * Backups of the embedded H2 database. A backup is H2's own {@code BACKUP TO}, which copies the
 * database file into a zip while the database stays open, consistent as of one commit. A restore
 * puts that file into a place where no database is yet; it never overwrites one.
 */
public final class H2Backup {

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

    /** Checks where a backup is to go: a new .zip file in a folder that exists; its absolute path. */
    public static Path backupTarget(String file) {
        Path zip = Path.of(file).toAbsolutePath().normalize();
        if (!zip.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            throw new UsageException("the backup is a zip file: give a name ending in .zip, not " + zip);
        }
        if (Files.exists(zip)) {
            throw new UsageException(zip + " exists already; a backup never overwrites a file");
        }
        if (!Files.isDirectory(zip.getParent())) {
            throw new UsageException("there is no folder " + zip.getParent() + " to put the backup in");
        }
        return zip;
    }

    /** Backs up the database {@code connection} is open on into {@code zip}; its size in bytes. */
    public static long backUp(Connection connection, Path zip) throws SQLException, IOException {
        Path target = backupTarget(zip.toString());
        try (Statement statement = connection.createStatement()) {
            // BACKUP TO takes a literal, not a parameter; the path is ours, its quotes doubled.
            statement.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'");
        }
        return Files.size(target);
    }

    /**
     * Puts the database in {@code zip} at {@code database} (a path without {@link #FILE_ENDING}),
     * whose file must not exist yet; written beside it first and then moved, so a failed restore
     * leaves no half file where a database is looked for.
     */
    public static void restore(Path zip, Path database) throws IOException {
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
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), database.getFileName().toString(), ".restoring");
            try (InputStream in = backup.getInputStream(entry)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
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
