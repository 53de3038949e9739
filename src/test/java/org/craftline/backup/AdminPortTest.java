package org.craftline.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.DropwizardTestSupport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import org.craftline.CraftlineConfiguration;
import org.craftline.db.Dialect;
import org.craftline.testing.NoDatabase;
import org.craftline.testing.RawHttp;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin port as a web page in a local browser would try it: the backup it offers writes only
 * where an operator's command asks, readable by the server's owner alone, and never through a
 * link; the server's data is its owner's alone too. H2 only (the backup is H2's); the server here
 * brings its own database, on both runs.
 */
@NoDatabase
class AdminPortTest {

    private static Path folder;
    private static Path data;
    private static DropwizardTestSupport<CraftlineConfiguration> app;

    @BeforeAll
    static void serverOnANewDataDirectory() throws Exception {
        folder = Files.createTempDirectory("craftline-admin");
        data = folder.resolve("fresh/data");
        app = TestApp.support(TestApp.newDatabaseFile(), Map.of(
                "database.url", Dialect.h2FileUrl(data.resolve("craftline")), "database.driverClass", "org.h2.Driver",
                "database.user", "craftline", "database.password", ""));
        app.before();
    }

    @AfterAll
    static void stop() {
        app.after();
    }

    private static RawHttp.Answer backup(Path to, String... headers) {
        String request = "POST /backup?to=" + URLEncoder.encode(to.toString(), StandardCharsets.UTF_8) + " HTTP/1.1\r\n"
                + String.join("", Arrays.stream(headers).map(header -> header + "\r\n").toList())
                + "Content-Length: 0\r\nConnection: close\r\n\r\n";
        return RawHttp.sendToTheOperatorsBackup(app.getAdminPort(), request);
    }

    private static final String LOCAL = "Host: 127.0.0.1";
    private static final String ASKED = BackupServlet.HEADER + ": " + BackupServlet.HEADER_VALUE;

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void theDataDirectory_andTheDatabase_areTheOwnersAlone() throws Exception {
        assertThat(permissions(data)).isEqualTo("rwx------");
        assertThat(permissions(data.resolve("craftline.mv.db"))).isEqualTo("rw-------");
    }

    @Test
    void aBackupThatAWebPageCouldAskFor_isRefused_andWritesNothing() throws Exception {
        Path zip = folder.resolve("page.zip");

        assertThat(backup(zip, LOCAL).status()).as("without the header").isEqualTo(403);
        assertThat(backup(zip, LOCAL, "Content-Type: application/x-www-form-urlencoded").status())
                .as("a form's post").isEqualTo(403);
        assertThat(backup(zip, LOCAL, ASKED, "Origin: http://evil.example").status()).as("from a page").isEqualTo(403);
        assertThat(backup(zip, "Host: evil.example:" + app.getAdminPort(), ASKED).status())
                .as("by a name pointed at 127.0.0.1").isEqualTo(403);
        assertThat(RawHttp.send(app.getAdminPort(), "POST /tasks/gc HTTP/1.1\r\n" + LOCAL
                + "\r\nOrigin: http://evil.example\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").status())
                .as("any task of the port").isEqualTo(403);
        assertThat(zip).doesNotExist();
    }

    @Test
    void aBackup_isTheOwnersAlone() throws Exception {
        Path zip = folder.resolve("asked.zip");

        RawHttp.Answer answer = backup(zip, LOCAL, ASKED);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(permissions(zip)).isEqualTo("rw-------");
        assertThat(Files.list(folder)).as("nothing left beside it").allMatch(file -> !file.getFileName().toString()
                .startsWith(".craftline-backup-"));
        assertThat(backup(folder.resolve("via-localhost.zip"), "Host: localhost:" + app.getAdminPort(), ASKED)
                .status()).as("localhost is local too").isEqualTo(200);
    }

    @Test
    void aBackup_neverFollowsALink_norTakesAControlCharacter() throws Exception {
        Path elsewhere = Files.createDirectories(folder.resolve("elsewhere"));
        Path dangling = Files.createSymbolicLink(folder.resolve("dangling.zip"), elsewhere.resolve("written.zip"));
        Path linkedFolder = Files.createSymbolicLink(folder.resolve("linked"), elsewhere);

        assertThat(backup(dangling, LOCAL, ASKED).status()).isEqualTo(400);
        assertThat(backup(linkedFolder.resolve("b.zip"), LOCAL, ASKED).status()).isEqualTo(400);
        RawHttp.Answer forged = backup(folder.resolve("x\nERROR [2026-12-04] org.craftline.Fake: y.zip"), LOCAL, ASKED);

        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).contains("control character");
        assertThat(Files.list(elsewhere)).as("nothing written through a link").isEmpty();
        assertThat(Files.list(folder)).noneMatch(file -> file.getFileName().toString().contains("\n"));
    }
}
