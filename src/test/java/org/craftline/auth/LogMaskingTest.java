package org.craftline.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
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
    void aLogLine_andItsStackTrace_areMasked() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LogMasking.install();
        Logger logger = context.getLogger("org.craftline.test.masking");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            Exception failure = new IllegalStateException("wrapped",
                    new IllegalArgumentException("bad header Authorization: Bearer cl_leaked_in_a_cause"));
            logger.error("request {} failed", "Authorization: Bearer cl_leaked_in_the_message", failure);
            logger.error("plain {}", "line");
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).hasSize(2);
        ILoggingEvent masked = appender.list.get(0);
        String printed = masked.getFormattedMessage() + "\n" + ThrowableProxyUtil.asString(masked.getThrowableProxy());
        assertThat(printed).doesNotContain("cl_leaked").contains("Authorization: Bearer ****")
                .contains("wrapped").contains("at org.craftline.auth.LogMaskingTest");
        assertThat(appender.list.get(1).getFormattedMessage()).isEqualTo("plain line");
    }
}
