package org.craftline.step;

/** Who decided how the step was done (O*NET 4.C.3.a.4 and 4.C.3.b.8). */
public enum Discretion {
    SELF,
    WITHIN_SPEC,
    PRESCRIBED
}
