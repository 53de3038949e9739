package org.craftline.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The start-up line says what the migration did: created, upgraded, or nothing. */
class MigrationsTest {

    @Test
    void theOutcomeNamesWhatHappened() {
        assertThat(Migrations.outcome(8, 8)).startsWith("Created the database schema").contains("all 8");
        assertThat(Migrations.outcome(1, 8)).startsWith("Upgraded").contains("1 new changeset (8 in all)");
        assertThat(Migrations.outcome(2, 8)).contains("2 new changesets");
        assertThat(Migrations.outcome(0, 8)).startsWith("Database schema is up to date").contains("nothing to do");
    }
}
