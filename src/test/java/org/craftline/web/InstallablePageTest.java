package org.craftline.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;

/**
 * The page opens offline and installs: the service worker keeps every file the page is made of (a
 * file added to the page and forgotten in its list would be missing offline), and the web app
 * manifest names icons that exist. The browser side is {@link OfflinePageTest}.
 */
@NoDatabase
class InstallablePageTest {

    private static Path web() throws URISyntaxException {
        return Path.of(InstallablePageTest.class.getResource("/web/index.html").toURI()).getParent();
    }

    @Test
    void theServiceWorker_keepsEveryFileOfThePage() throws Exception {
        Path web = web();
        String worker = Files.readString(web.resolve("sw.js"));
        List<String> files;
        try (Stream<Path> listed = Files.list(web)) {
            files = listed.map(file -> file.getFileName().toString()).filter(name -> !name.equals("sw.js")).toList();
        }

        assertThat(files).contains("index.html", "app.js", "outbox.js");
        assertThat(files).as("files the service worker does not keep")
                .filteredOn(name -> !worker.contains("'/" + name + "'")).isEmpty();
        assertThat(worker).as("never an API answer").contains("url.pathname.startsWith('/api/')");
    }

    @Test
    void theManifest_namesIconsThatExist_andThePageLinksIt() throws IOException, URISyntaxException {
        Path web = web();
        JsonNode manifest = new ObjectMapper().readTree(web.resolve("manifest.json").toFile());

        assertThat(manifest.path("name").asText()).isEqualTo("Craftline");
        assertThat(manifest.path("start_url").asText()).isEqualTo("/");
        assertThat(manifest.path("display").asText()).isEqualTo("standalone");
        assertThat(manifest.path("icons")).isNotEmpty().allSatisfy(icon ->
                assertThat(web.resolve(icon.path("src").asText().substring(1))).exists());
        assertThat(manifest.findValuesAsText("sizes")).contains("192x192", "512x512");
        assertThat(Files.readString(web.resolve("index.html")))
                .contains("<link rel=\"manifest\" href=\"/manifest.json\">");
    }
}
