package org.craftline.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.craftline.NoDatabase;
import org.junit.jupiter.api.Test;

@NoDatabase
class DayMinutesTest {

    private static Step step(int minutes, Mode mode) {
        return new Step("a", minutes, mode, null, null, null, null);
    }

    @Test
    void of_sumsAllAndCraftMinutes() {
        DayMinutes totals = DayMinutes.of(List.of(step(60, Mode.CRAFT), step(180, Mode.CRAFT), step(90, Mode.EXECUTION),
                step(90, Mode.EXECUTION)));

        assertThat(totals).isEqualTo(new DayMinutes(420, 240));
        assertThat(totals.craftShare()).isCloseTo(0.5714, org.assertj.core.api.Assertions.within(1e-4));
    }

    @Test
    void craftShare_ofNothing_isNull() {
        assertThat(DayMinutes.of(List.of()).craftShare()).isNull();
    }

    @Test
    void plusNegated_cancelsOut() {
        DayMinutes task = new DayMinutes(100, 30);

        assertThat(new DayMinutes(500, 200).plus(task).plus(task.negated())).isEqualTo(new DayMinutes(500, 200));
    }
}
