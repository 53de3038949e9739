package org.craftline.access;

/**
 * What a token may do. WORKER: their own tasks, events, reports and tokens. ANALYST: team
 * aggregates only, never one person's data. ADMIN: everything.
 */
public enum Role {
    WORKER,
    ANALYST,
    ADMIN;

    /** The role names as constants, for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String WORKER = "WORKER";
        public static final String ANALYST = "ANALYST";
        public static final String ADMIN = "ADMIN";

        private Names() {
        }
    }
}
