package org.craftline.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.craftline.testing.NoDatabase;
import org.craftline.problem.ApiException;
import org.junit.jupiter.api.Test;

@NoDatabase
class TaskCursorTest {

    @Test
    void roundTrips() {
        TaskRow row = new TaskRow(42, 1, "sam", LocalDate.parse("2023-03-15"), "t", null, 1, null, null);

        assertThat(TaskCursor.parse(TaskCursor.after(row))).isEqualTo(new TaskCursor(LocalDate.parse("2023-03-15"), 42));
    }

    @Test
    void garbage_isABadParameter() {
        for (String garbage : new String[] {"%%%", "bm9wZQ", "MjAyMy0xMy0wMTo0Mg"}) {
            assertThatThrownBy(() -> TaskCursor.parse(garbage))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }
}
