package org.craftline.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test that drives the web page in Chromium. The page reaches the database only through the
 * API, whose own tests run on both databases, so Maven's PostgreSQL run leaves these out: there they
 * would test the browser a second time, not PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(BrowserLevel.TAG)
public @interface BrowserLevel {

    String TAG = "browser";
}
