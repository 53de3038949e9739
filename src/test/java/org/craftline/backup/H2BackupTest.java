package org.craftline.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.db.DataSourceFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.craftline.db.Dialect;
import org.craftline.db.Migrations;
import org.craftline.problem.UsageException;
import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@NoDatabase
class H2BackupTest {

    @TempDir
    Path folder;

    @Test
    void databasePath_isTheFileTheUrlNames() {
        assertThat(H2Backup.databasePath("jdbc:h2:/srv/craftline/data;WRITE_DELAY=0"))
                .isEqualTo(Path.of("/srv/craftline/data"));
        assertThat(H2Backup.databasePath("jdbc:h2:file:/srv/x;TRACE_LEVEL_FILE=0")).isEqualTo(Path.of("/srv/x"));
        assertThat(H2Backup.databasePath("jdbc:h2:./data/craftline"))
                .isEqualTo(Path.of("data/craftline").toAbsolutePath());
        assertThat(H2Backup.databasePath("jdbc:h2:~/craftline"))
                .isEqualTo(Path.of(System.getProperty("user.home"), "craftline"));
    }

    @Test
    void databasePath_refusesWhatIsNoH2File() {
        assertThatThrownBy(() -> H2Backup.databasePath("jdbc:postgresql://db/craftline?password=secret"))
                .isInstanceOf(UsageException.class).hasMessageContaining("pg_dump")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> H2Backup.databasePath("jdbc:h2:mem:test"))
                .isInstanceOf(UsageException.class).hasMessageContaining("in a file");
        assertThatThrownBy(() -> H2Backup.databasePath("jdbc:h2:tcp://localhost/~/test"))
                .isInstanceOf(UsageException.class).hasMessageContaining("in a file");
    }

    @Test
    void backupTarget_isANewZipInAFolderThatExists() throws IOException {
        Path taken = Files.writeString(folder.resolve("taken.zip"), "x");

        assertThat(H2Backup.backupTarget(folder.resolve("new.zip").toString())).isEqualTo(folder.resolve("new.zip"));
        assertThatThrownBy(() -> H2Backup.backupTarget(taken.toString())).hasMessageContaining("exists already");
        assertThatThrownBy(() -> H2Backup.backupTarget(folder.resolve("b.tar").toString()))
                .hasMessageContaining("ending in .zip");
        assertThatThrownBy(() -> H2Backup.backupTarget(folder.resolve("none/b.zip").toString()))
                .hasMessageContaining("there is no folder");
    }

    /** A Craftline database in {@code folder}, with the schema the changelog makes and a worker in it. */
    private Connection craftline(String name) throws Exception {
        DataSourceFactory database = new DataSourceFactory();
        database.setDriverClass("org.h2.Driver");
        database.setUrl(Dialect.h2FileUrl(folder.resolve(name)));
        database.setUser("craftline");
        database.setPassword("");
        Migrations.applyFirst(database, null);
        Connection connection = DriverManager.getConnection(database.getUrl(), "craftline", "");
        connection.createStatement().execute(
                "INSERT INTO workers (handle, display_name, created_at) VALUES ('sam', 'Sam', CURRENT_TIMESTAMP)");
        return connection;
    }

    private static int workers(Path database) throws SQLException {
        try (Connection copy = DriverManager.getConnection("jdbc:h2:" + database, "craftline", "");
             ResultSet count = copy.createStatement().executeQuery("SELECT COUNT(*) FROM workers")) {
            count.next();
            return count.getInt(1);
        }
    }

    @Test
    void backUpAndRestore_carryTheRows_andNeverOverwrite() throws Exception {
        Path zip = folder.resolve("it's a backup.zip");
        try (Connection original = craftline("original")) {
            assertThat(H2Backup.backUp(original, zip)).isPositive();
            assertThatThrownBy(() -> H2Backup.backUp(original, zip)).hasMessageContaining("exists already");
        }

        Path restored = folder.resolve("new/restored");
        H2Backup.restore(zip, restored);

        assertThat(workers(restored)).isEqualTo(1);
        assertThatThrownBy(() -> H2Backup.restore(zip, restored)).hasMessageContaining("exists already");
    }

    /**
     * A backup crafted to run code: a view that writes a file when read, a trigger whose Java
     * source H2 compiles and runs as it opens the database, an alias, a changed table. Each is
     * refused before anything opens the file, in one line naming it, and nothing is left behind.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE VIEW pwned AS SELECT FILE_WRITE('pwned', '%s') AS x",
        "CREATE FORCE TRIGGER pwned BEFORE INSERT ON workers AS $$org.h2.api.Trigger create() { "
                + "try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"%s\"), \"pwned\"); } "
                + "catch (Exception e) { } return null; } $$",
        "CREATE ALIAS pwned FOR 'java.lang.System.getProperty' -- %s",
        "ALTER TABLE workers ADD COLUMN pwned VARCHAR(10) DEFAULT 'x' -- %s",
        "DROP INDEX workers_team -- %s",
        "CREATE CONSTANT pwned VALUE 42 -- %s"})
    void aBackupThatIsNotACraftlineDatabase_isRefused_beforeAnythingRunsIt(String crafted) throws Exception {
        Path written = folder.resolve("pwned.txt");
        Path zip = folder.resolve("crafted.zip");
        try (Connection original = craftline("crafted")) {
            original.createStatement().execute(crafted.formatted(written));
            assertThat(H2Backup.backUp(original, zip)).isPositive();
        }
        Files.deleteIfExists(written);   // the trigger ran once, as it was made

        Path restored = folder.resolve("target/restored");
        assertThatThrownBy(() -> H2Backup.restore(zip, restored)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("Refused to restore").satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

        assertThat(written).as("nothing in the backup ran").doesNotExist();
        assertThat(Files.list(restored.getParent())).as("nothing left where a database is looked for").isEmpty();
    }

    @Test
    void restore_refusesWhatIsNoBackup() throws IOException {
        Path text = Files.writeString(folder.resolve("notes.zip"), "not a zip");
        Path emptyZip = folder.resolve("empty.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(emptyZip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
        }

        assertThatThrownBy(() -> H2Backup.restore(text, folder.resolve("a"))).hasMessageContaining("is not a zip file");
        assertThatThrownBy(() -> H2Backup.restore(emptyZip, folder.resolve("a"))).hasMessageContaining("holds no H2 database");
        assertThatThrownBy(() -> H2Backup.restore(folder.resolve("none.zip"), folder.resolve("a")))
                .hasMessageContaining("there is no backup file");
        assertThat(folder.resolve("a.mv.db")).doesNotExist();
    }
}
