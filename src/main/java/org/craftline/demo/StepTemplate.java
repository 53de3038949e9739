package org.craftline.demo;

import java.util.Random;
import org.craftline.step.Discretion;
import org.craftline.step.Mediation;
import org.craftline.step.Mode;
import org.craftline.step.Step;

/**
 * A template for a demo step: everything fixed but its minutes, which each {@link #draw} picks
 * uniformly from {@code min..max}, the day-to-day noise of real work.
 */
record StepTemplate(String activity, int min, int max, Mode mode, String tool, Discretion discretion,
                    Mediation mediation) {

    static StepTemplate craft(String activity, int min, int max, String tool) {
        return new StepTemplate(activity, min, max, Mode.CRAFT, tool, Discretion.SELF, Mediation.NONE);
    }

    static StepTemplate execution(String activity, int min, int max, String tool, Discretion discretion) {
        return new StepTemplate(activity, min, max, Mode.EXECUTION, tool, discretion, Mediation.NONE);
    }

    StepTemplate mediated(Mediation how) {
        return new StepTemplate(activity, min, max, mode, tool, discretion, how);
    }

    Step draw(Random random) {
        return new Step(activity, min + random.nextInt(max - min + 1), mode, tool, discretion, mediation, null);
    }
}
