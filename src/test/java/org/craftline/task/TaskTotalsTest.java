package org.craftline.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.craftline.step.Mode;
import org.craftline.step.Step;
import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;

@NoDatabase
class TaskTotalsTest {

    private static Step step(int minutes, Mode mode) {
        return new Step("a", minutes, mode, null, null, null, null);
    }

    @Test
    void of_sumsAllAndCraftMinutes() {
        TaskTotals totals = TaskTotals.of(List.of(step(60, Mode.CRAFT), step(180, Mode.CRAFT), step(90, Mode.EXECUTION),
                step(90, Mode.EXECUTION)));

        assertThat(totals).isEqualTo(new TaskTotals(420, 240));
        assertThat(totals.craftShare()).isCloseTo(0.5714, org.assertj.core.api.Assertions.within(1e-4));
    }

    @Test
    void craftShare_ofNothing_isNull() {
        assertThat(TaskTotals.of(List.of()).craftShare()).isNull();
    }
}
