package org.craftline.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.craftline.step.Step;

/**
 * One demo worker: who they are and how a working day of theirs decomposes into steps. The day is
 * drawn from a random source seeded per worker, so the demo is the same on every run.
 */
record DemoWorker(String handle, String displayName, String occupation, List<Event> events, Day day) {

    /** An event in this worker's history. */
    record Event(LocalDate date, String label, String tool) {
    }

    /** The tasks of one day (a title and its steps each); empty for a day off. */
    interface Day {
        List<DemoTask> on(LocalDate date, Random random);
    }

    record DemoTask(String title, List<Step> steps) {
    }
}
