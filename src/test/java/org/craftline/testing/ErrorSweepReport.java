package org.craftline.testing;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Says at the end of each test run how many error responses {@link ErrorSweep} checked. */
public final class ErrorSweepReport implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        System.out.println("Error sweep: " + ErrorSweep.checked()
                + " error responses checked: problem+json, no class names, stack frames, SQL or file paths");
    }
}
