package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;
import org.craftline.db.Dialect;
import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;

/** The shipped config.yml, read as the server reads it, with a chosen environment. */
@NoDatabase
class ConfigurationTest {

    private static CraftlineConfiguration load(Map<String, String> environment) throws Exception {
        StringSubstitutor substitutor = new StringSubstitutor(environment::get);
        substitutor.setEnableSubstitutionInVariables(false);
        return new YamlConfigurationFactory<>(CraftlineConfiguration.class, Validators.newValidator(),
                Jackson.newObjectMapper(), "configuration-test-no-overrides")
                .build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), substitutor), "config.yml");
    }

    private static int port(CraftlineConfiguration config, boolean admin) {
        DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
        return ((HttpConnectorFactory) (admin ? server.getAdminConnectors() : server.getApplicationConnectors()).get(0))
                .getPort();
    }

    @Test
    void defaults_withNoEnvironment() throws Exception {
        CraftlineConfiguration config = load(Map.of());

        assertThat(port(config, false)).isEqualTo(8080);
        assertThat(port(config, true)).isEqualTo(8081);
        assertThat(config.getDataSourceFactory().getUrl())
                .isEqualTo("jdbc:h2:./data/craftline" + Dialect.H2_FILE_SETTINGS);
        assertThat(config.getDataSourceFactory().getDriverClass()).isEqualTo("org.h2.Driver");
        assertThat(config.getAuth().getAdminToken()).isEmpty();
        assertThat(config.getAuth().getAdminTokenFile()).isEqualTo("./data/admin-token");
        assertThat(config.getPrivacy().getMinGroupSize()).isEqualTo(5);
        assertThat(config.getReports().getMaxConcurrent()).isEqualTo(4);
        assertThat(config.getReports().getMaxPerToken()).isEqualTo(2);
        assertThat(config.isMigrateOnStart()).isTrue();
    }

    @Test
    void environmentVariables_overrideTheDefaults() throws Exception {
        CraftlineConfiguration config = load(Map.of(
                "CRAFTLINE_PORT", "9090",
                "CRAFTLINE_ADMIN_PORT", "9091",
                "CRAFTLINE_DB_URL", "jdbc:postgresql://db/craftline",
                "CRAFTLINE_DB_USER", "crafter",
                "CRAFTLINE_DB_PASSWORD", "12345",
                "CRAFTLINE_DB_DRIVER", "org.postgresql.Driver",
                "CRAFTLINE_ADMIN_TOKEN", "an-operator-chosen-token-of-32-chars-or-more",
                "CRAFTLINE_REPORTS_MAX_CONCURRENT", "6",
                "CRAFTLINE_REPORTS_MAX_PER_TOKEN", "3"));

        assertThat(port(config, false)).isEqualTo(9090);
        assertThat(port(config, true)).isEqualTo(9091);
        assertThat(config.getDataSourceFactory().getUrl()).isEqualTo("jdbc:postgresql://db/craftline");
        assertThat(config.getDataSourceFactory().getUser()).isEqualTo("crafter");
        assertThat(config.getDataSourceFactory().getPassword()).isEqualTo("12345");
        assertThat(config.getDataSourceFactory().getDriverClass()).isEqualTo("org.postgresql.Driver");
        assertThat(config.getAuth().getAdminToken()).isEqualTo("an-operator-chosen-token-of-32-chars-or-more");
        assertThat(config.getReports().getMaxConcurrent()).isEqualTo(6);
        assertThat(config.getReports().getMaxPerToken()).isEqualTo(3);
    }
}
