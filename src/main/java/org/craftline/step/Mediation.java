package org.craftline.step;

/**
 * How much of the step's output a tool produced (O*NET 4.C.3.b.2). ASSISTED: the person makes the
 * core output with help. GENERATED: the tool makes it; the person prompts, selects and fixes.
 */
public enum Mediation {
    NONE,
    ASSISTED,
    GENERATED
}
