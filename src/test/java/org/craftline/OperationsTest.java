package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
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

    @Test
    void migrations_ranAtStartUp() {
        String worker = TestApp.uniqueHandle("mig");
        Http http = TestApp.admin(APP);

        TestApp.createWorker(http, worker);
    }
}
