package org.craftline.step;

/**
 * Braverman's split. CRAFT is conception: deciding what to make, judging, imagining, discovering.
 * EXECUTION is carrying out a process someone or something else set. The rule shown to users:
 * could someone else do this step from written instructions without making consequential choices?
 * Then it is EXECUTION.
 */
public enum Mode {
    CRAFT,
    EXECUTION
}
