package org.craftline.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that touches no database (statistics, bucketing, cursors, parsing), or brings
 * a database of its own: an H2 file to test something only H2 has (its one-process file lock), a
 * PostgreSQL cluster to stop, a file system to fill; or tries only what Jetty answers before a
 * request reaches the API's code, the same whatever database the server has. Maven
 * runs the suite twice, on H2 and on PostgreSQL; the PostgreSQL run leaves these out, since
 * running them again would prove nothing new. Carries the tag for both engines, JUnit Jupiter's
 * and jqwik's.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(NoDatabase.TAG)
@net.jqwik.api.Tag(NoDatabase.TAG)
public @interface NoDatabase {

    String TAG = "no-database";
}
