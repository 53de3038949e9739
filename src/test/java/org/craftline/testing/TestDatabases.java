package org.craftline.testing;

import java.util.Locale;

/**
 * Which database this test run uses. Maven runs the suite twice: on H2 (the default) and, in the
 * execution named postgresql, on PostgreSQL (-Dcraftline.test.database=postgresql).
 */
public enum TestDatabases {
    H2,
    POSTGRESQL;

    public static TestDatabases current() {
        return valueOf(System.getProperty("craftline.test.database", "h2").toUpperCase(Locale.ROOT));
    }
}
