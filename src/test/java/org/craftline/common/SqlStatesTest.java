package org.craftline.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.craftline.NoDatabase;
import org.junit.jupiter.api.Test;

@NoDatabase
class SqlStatesTest {

    private static RuntimeException wrapped(String state) {
        return new RuntimeException("outer", new SQLException("inner", state));
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
