package org.craftline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.craftline.testing.NoDatabase;
import org.craftline.step.Step;
import org.junit.jupiter.api.Test;

@NoDatabase
class DemoStoryTest {

    private static List<DemoWorker.DemoTask> year(DemoWorker worker) {
        Random random = new Random(worker.handle().hashCode());
        List<DemoWorker.DemoTask> tasks = new ArrayList<>();
        for (LocalDate day = DemoStory.FIRST_DAY; !day.isAfter(DemoStory.LAST_DAY); day = day.plusDays(1)) {
            tasks.addAll(worker.day().on(day, random));
        }
        return tasks;
    }

    @Test
    void everyRun_drawsTheSameYear() {
        for (DemoWorker worker : DemoStory.team()) {
            assertThat(year(worker)).isEqualTo(year(worker));
        }
    }

    @Test
    void everyDay_isAValidLog() {
        for (DemoWorker worker : DemoStory.team()) {
            Random random = new Random(worker.handle().hashCode());
            for (LocalDate day = DemoStory.FIRST_DAY; !day.isAfter(DemoStory.LAST_DAY); day = day.plusDays(1)) {
                int minutes = 0;
                for (DemoWorker.DemoTask task : worker.day().on(day, random)) {
                    assertThat(task.steps()).hasSizeBetween(1, 100);
                    minutes += task.steps().stream().mapToInt(Step::minutes).sum();
                    assertThat(task.steps()).allSatisfy(step -> assertThat(step.minutes()).isBetween(1, 1440));
                }
                assertThat(minutes).as(worker.handle() + " on " + day).isLessThanOrEqualTo(1440);
            }
        }
    }

    @Test
    void team_hasSamAndAtLeastFiveTeammates() {
        assertThat(DemoStory.team()).extracting(DemoWorker::handle).contains("sam").hasSizeGreaterThanOrEqualTo(6);
    }
}
