package org.craftline.demo;

import java.util.Random;
import org.craftline.task.Discretion;
import org.craftline.task.Mediation;
import org.craftline.task.Mode;
import org.craftline.task.Step;

/** A step with minutes drawn uniformly from a range: the day-to-day noise of real work. */
record Steps(String activity, int min, int max, Mode mode, String tool, Discretion discretion, Mediation mediation) {

    static Steps craft(String activity, int min, int max, String tool) {
        return new Steps(activity, min, max, Mode.CRAFT, tool, Discretion.SELF, Mediation.NONE);
    }

    static Steps execution(String activity, int min, int max, String tool, Discretion discretion) {
        return new Steps(activity, min, max, Mode.EXECUTION, tool, discretion, Mediation.NONE);
    }

    Steps mediated(Mediation how) {
        return new Steps(activity, min, max, mode, tool, discretion, how);
    }

    Step draw(Random random) {
        return new Step(activity, min + random.nextInt(max - min + 1), mode, tool, discretion, mediation, null);
    }
}
