package org.craftline.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;

@NoDatabase
class SqlStatesTest {

    private static RuntimeException wrapped(String state) {
        return new RuntimeException("outer", new SQLException("inner", state));
    }

    @Test
    void describe_namesWhatABatchKeptInItsNextException() {
        BatchUpdateException batch = new BatchUpdateException("Timeout trying to lock table {0}", "HYT00", 50200,
                new int[0], null);
        batch.setNextException(new SQLException("Row not found when trying to delete from index", "90112"));

        assertThat(SqlStates.describe(new RuntimeException("write failed", batch))).isEqualTo(
                "RuntimeException: write failed <- BatchUpdateException: Timeout trying to lock table {0} "
                        + "<- SQLException: Row not found when trying to delete from index");
    }

    @Test
    void readsTheStateThroughWrappers() {
        assertThat(SqlStates.isUniqueViolation(wrapped("23505"))).isTrue();
        assertThat(SqlStates.isCheckViolation(wrapped("23513"))).as("H2").isTrue();
        assertThat(SqlStates.isCheckViolation(wrapped("23514"))).as("PostgreSQL").isTrue();
        assertThat(SqlStates.isTransient(wrapped("40P01"))).isTrue();
        assertThat(SqlStates.isTransient(wrapped("40001"))).isTrue();
    }

    @Test
    void otherStates_andNoSqlException_areNeither() {
        assertThat(SqlStates.isUniqueViolation(wrapped("23503"))).isFalse();
        assertThat(SqlStates.isTransient(wrapped("23505"))).isFalse();
        assertThat(SqlStates.isUniqueViolation(new RuntimeException("plain"))).isFalse();
        var noState = new RuntimeException(new SQLException("no state"));
        assertThat(SqlStates.isCheckViolation(noState)).isFalse();
        assertThat(SqlStates.isTransient(noState)).isFalse();
    }
}
