package org.craftline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The check every error response in the suite passes as it arrives: {@link Http} and
 * {@link RawHttp} call it for each status of 400 and above, so every test that meets an error
 * sweeps it. An error is {@code application/problem+json} and shows no internals: no Java class
 * names, stack frames, SQL or file paths; and its words are a person's, not a framework's ("must
 * not be null").
 */
public final class ErrorSweep {

    private static final AtomicInteger CHECKED = new AtomicInteger();

    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(java|javax|jakarta|org|com|io|sun|jdk)\\.[a-z0-9_]+\\.[A-Za-z0-9_.$]*|\\b\\w+(Exception|Error)\\b");
    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$.]+\\(|\\.java:\\d+|\\tat ");
    private static final Pattern SQL = Pattern.compile(
            "(?i)\\bselect\\b.+\\bfrom\\b|\\binsert into\\b|\\bupdate \\w+ set\\b|\\bdelete from\\b|jdbc:|sqlstate|\\bconstraint\\b");
    private static final Pattern FILE_PATH = Pattern.compile(
            "(^|[\\s\"'(])/(home|root|tmp|usr|var|work|etc|opt|proc)/|[A-Za-z]:\\\\|\\.(mv\\.db|jar|class|yml)\\b");

    /** Bean Validation's and Jackson's own phrasings: a person reads a sentence about what to do instead. */
    private static final Pattern FRAMEWORK_WORDS = Pattern.compile("must not be (null|blank|empty)|size must be between"
            + "|must be (greater|less) than or equal to|must match \\\\?\"|Cannot deserialize|Unrecognized field");

        private ErrorSweep() {
    }

    public static void check(int status, String contentType, String body) {
        CHECKED.incrementAndGet();
        String what = "error " + status + ": " + body;
        assertThat(contentType).as("Content-Type of " + what).startsWith("application/problem+json");
        assertThat(CLASS_NAME.matcher(body).find()).as("a class name in " + what).isFalse();
        assertThat(STACK_FRAME.matcher(body).find()).as("a stack frame in " + what).isFalse();
        assertThat(SQL.matcher(body).find()).as("SQL in " + what).isFalse();
        assertThat(FILE_PATH.matcher(body).find()).as("a file path in " + what).isFalse();
        assertThat(FRAMEWORK_WORDS.matcher(body).find()).as("a framework's words, not a person's, in " + what)
                .isFalse();
    }

    /** How many error responses this test JVM has checked so far. */
    public static int checked() {
        return CHECKED.get();
    }
}
