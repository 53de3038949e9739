package org.craftline.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** The masking rule on each way a credential gets printed, and on the stack traces a log line carries. */
@NoDatabase
class LogMaskingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Authorization: Bearer cl_abc123                 | Authorization: Bearer ****",
        "authorization=[Bearer s3cret-value]             | authorization=[Bearer ****]",
        "{Authorization=Basic dXNlcjpwYXNz, Host=x}       | {Authorization=Basic ****, Host=x}",
        "GET /api/me?access_token=abc&x=1                | GET /api/me?access_token=****&x=1",
        "token cl_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG seen | token **** seen",
        "nothing secret here                             | nothing secret here"
    })
    void credentials_areMasked_andTheRestKept(String line, String expected) {
        assertThat(LogMasking.mask(line)).isEqualTo(expected);
    }

    @Test
    void controlCharacters_areWrittenOut_soNoValueStartsALineOfItsOwn() {
        assertThat(LogMasking.escape("x.zip\nERROR [2026-12-04] org.craftline.Fake: pwned"))
                .isEqualTo("x.zip\\nERROR [2026-12-04] org.craftline.Fake: pwned");
        assertThat(LogMasking.escape("a\rb\u001b[31mc\u2028d\u0000e\tf")).isEqualTo("a\\rb\\u001b[31mc\\u2028d\\u0000e\tf");
        assertThat(LogMasking.escape("routes:\n    GET /api/me\n\tat x")).as("continuation lines stay")
                .isEqualTo("routes:\n    GET /api/me\n\tat x");
        assertThat(LogMasking.safeLine("GET /api/me;access_token=cl_abc HTTP/1.1 \"agent\n    x\"\n"))
                .as("a request log line has no continuation lines").isEqualTo("GET /api/me;access_token=**** HTTP/1.1 \"agent\\n    x\"\n");
        assertThat(LogMasking.safeLine("1.2.3.4 - - [x] \"GET /api/me;key=secret-admin-token/a;b=c HTTP/1.1\" 400 5 \"X11; Linux\" 3"))
                .as("every path parameter, whatever its name; not the agent's semicolon")
                .isEqualTo("1.2.3.4 - - [x] \"GET /api/me;****/a;**** HTTP/1.1\" 400 5 \"X11; Linux\" 3");
    }

    /** What {@code calls} logged on a logger of their own, with the filter installed as the server does. */
    private static List<ILoggingEvent> logged(Consumer<Logger> calls) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LogMasking.install();
        Logger logger = context.getLogger("org.craftline.test." + UUID.randomUUID());
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            calls.accept(logger);
        } finally {
            logger.detachAppender(appender);
        }
        return appender.list;
    }

    @Test
    void aValueWithALineBreak_staysOnItsLine_inTheLog() {
        List<ILoggingEvent> events = logged(logger -> logger.warn("The backup to {} failed",
                "/tmp/x\nERROR [2026-12-04] org.craftline.Fake: pwned", new IllegalStateException("cannot write\r\nERROR forged too")));

        ILoggingEvent event = events.get(0);
        String printed = event.getFormattedMessage() + "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
        assertThat(printed.lines()).noneMatch(line -> line.startsWith("ERROR"));
        assertThat(event.getFormattedMessage()).isEqualTo("The backup to /tmp/x\\nERROR [2026-12-04] org.craftline.Fake: pwned failed");
    }

    @Test
    void aLogLine_andItsStackTrace_areMasked() {
        List<ILoggingEvent> events = logged(logger -> {
            Exception failure = new IllegalStateException("wrapped",
                    new IllegalArgumentException("bad header Authorization: Bearer cl_leaked_in_a_cause"));
            logger.error("request {} failed", "Authorization: Bearer cl_leaked_in_the_message", failure);
            logger.error("plain {}", "line");
        });

        assertThat(events).hasSize(2);
        ILoggingEvent masked = events.get(0);
        String printed = masked.getFormattedMessage() + "\n" + ThrowableProxyUtil.asString(masked.getThrowableProxy());
        assertThat(printed).doesNotContain("cl_leaked").contains("Authorization: Bearer ****")
                .contains("wrapped").contains("at org.craftline.logging.LogMaskingTest");
        assertThat(events.get(1).getFormattedMessage()).isEqualTo("plain line");
    }
}
