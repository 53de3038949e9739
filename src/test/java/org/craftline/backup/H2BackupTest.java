package org.craftline.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.craftline.testing.NoDatabase;
import org.craftline.problem.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void backUpAndRestore_carryTheRows_andNeverOverwrite() throws Exception {
        Path zip = folder.resolve("it's a backup.zip");
        try (Connection original = DriverManager.getConnection("jdbc:h2:" + folder.resolve("original"))) {
            original.createStatement().execute("CREATE TABLE tasks (id INT PRIMARY KEY)");
            original.createStatement().execute("INSERT INTO tasks VALUES (1), (2), (3)");
            assertThat(H2Backup.backUp(original, zip)).isPositive();
            assertThatThrownBy(() -> H2Backup.backUp(original, zip)).hasMessageContaining("exists already");
        }

        Path restored = folder.resolve("new/restored");
        H2Backup.restore(zip, restored);

        try (Connection copy = DriverManager.getConnection("jdbc:h2:" + restored);
             ResultSet count = copy.createStatement().executeQuery("SELECT COUNT(*) FROM tasks")) {
            count.next();
            assertThat(count.getInt(1)).isEqualTo(3);
        }
        assertThatThrownBy(() -> H2Backup.restore(zip, restored)).hasMessageContaining("exists already");
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
