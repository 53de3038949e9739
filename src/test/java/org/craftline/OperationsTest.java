package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.craftline.testing.Http;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class OperationsTest {

    static final DropwizardAppExtension<CraftlineConfiguration> APP = TestApp.extension();

    @Test
    void adminPort_reportsTheDatabaseHealthy() {
        Http.Reply health = new Http(APP.getAdminPort()).get("/healthcheck");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("database").path("healthy").asBoolean()).isTrue();
    }

    @Test
    void adminConnector_bindsToLoopbackOnly() {
        var connector = (io.dropwizard.jetty.HttpConnectorFactory)
                ((io.dropwizard.core.server.DefaultServerFactory) APP.getConfiguration().getServerFactory())
                        .getAdminConnectors().get(0);

        assertThat(connector.getBindHost()).isEqualTo("127.0.0.1");
    }

    /** Every changeset in migrations/ was applied when the server started, in the changelog's order. */
    @Test
    void migrations_ranAtStartUp_everyChangesetInOrder() throws IOException {
        List<String> inFiles = new ArrayList<>();
        Matcher include = Pattern.compile("<include file=\"([^\"]+)\"").matcher(Files.readString(Path.of("migrations", "changelog.xml")));
        while (include.find()) {
            Matcher changeset = Pattern.compile("^--changeset craftline:(\\S+)", Pattern.MULTILINE)
                    .matcher(Files.readString(Path.of("migrations", include.group(1))));
            while (changeset.find()) {
                inFiles.add(changeset.group(1));
            }
        }

        List<String> applied = TestApp.jdbi(APP.getConfiguration()).withHandle(handle -> handle
                .createQuery("SELECT id FROM databasechangelog ORDER BY orderexecuted").mapTo(String.class).list());

        assertThat(inFiles).hasSizeGreaterThanOrEqualTo(9);
        assertThat(applied).containsExactlyElementsOf(inFiles);
    }
}
