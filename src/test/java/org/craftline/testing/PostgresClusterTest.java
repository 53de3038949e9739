package org.craftline.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

@NoDatabase
class PostgresClusterTest {

    @Test
    void missingServerBinaries_failWithInstallInstructions() {
        assertThatThrownBy(() -> PostgresCluster.findBinaries(TestApp.newDatabaseFile().getParent()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/usr/lib/postgresql/<version>/bin")
                .hasMessageContaining("apt-get install -y postgresql");
    }
}
