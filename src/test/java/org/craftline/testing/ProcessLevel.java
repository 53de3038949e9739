package org.craftline.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test of what only a whole process shows (kill -9, SIGTERM, a full disk, a lost database,
 * an upgrade, two instances, the shell commands): it starts the server or a command in a JVM of
 * its own, so it is slow. They live in {@code org.craftline.process}; {@code -Dgroups=process} runs
 * them alone and {@code -DexcludedGroups=process} leaves them out of a quick run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(ProcessLevel.TAG)
public @interface ProcessLevel {

    String TAG = "process";
}
