package org.craftline.auth;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * Keeps bearer tokens out of every log line, whatever level an operator sets. Jetty's and Jersey's
 * DEBUG output prints request headers, {@code Authorization} included, and the admin port's
 * {@code log-level} task can turn it on at run time; config.yml's pinned levels cannot prevent that.
 *
 * <p>A turbo filter sees each logging call before any appender: a message that would be logged
 * and carries a credential is logged with the credential replaced by {@value #MASK}, and the
 * original call is dropped. Messages without one cost a pattern search on top of formatting.
 */
public final class LogMasking extends TurboFilter {

    static final String MASK = "****";

    /** An Authorization header however it is printed, a bearer credential, or a token of ours anywhere. */
    private static final Pattern CREDENTIAL = Pattern.compile(
            "(?i)(authorization\\W{0,4}\\s*(?:bearer\\s+|basic\\s+)?)[^\\s,;\\]}\"']+"
                    + "|(bearer\\s+)[^\\s,;\\]}\"']+"
                    + "|(access_token=)[^\\s&,;\\]}\"']+"
                    + "|()\\bcl_[A-Za-z0-9_-]{20,}");

    /** Adds the filter to the logging in use, once. */
    public static void install() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        if (context.getTurboFilterList().stream().noneMatch(LogMasking.class::isInstance)) {
            LogMasking filter = new LogMasking();
            filter.setContext(context);
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    /** {@code text} with every credential in it replaced by {@value #MASK}. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        return CREDENTIAL.matcher(text).replaceAll(match -> {
            for (int group = 1; group <= match.groupCount(); group++) {
                if (match.group(group) != null) {
                    return java.util.regex.Matcher.quoteReplacement(match.group(group)) + MASK;
                }
            }
            return MASK;
        });
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        // Calls that only ask whether a level is enabled carry no message; disabled ones log nothing.
        if (format == null || level == null || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            return FilterReply.NEUTRAL;
        }
        // Without t, a throwable passed as the last parameter is the event's, as logback reads it.
        var formatted = t == null ? MessageFormatter.arrayFormat(format, params) : MessageFormatter.arrayFormat(format, params, t);
        String message = formatted.getMessage();
        String masked = mask(message);
        Throwable failure = formatted.getThrowable();
        Throwable maskedFailure = masked(failure);
        if (masked.equals(message) && maskedFailure == failure) {
            return FilterReply.NEUTRAL;
        }
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, level, masked, maskedFailure, null);
        if (marker != null) {
            event.addMarker(marker);
        }
        logger.callAppenders(event);
        return FilterReply.DENY;
    }

    /**
     * {@code failure} itself when no message in its chain carries a credential; otherwise a copy of
     * the chain whose messages are masked, keeping each stack trace, so the lines it prints are safe too.
     */
    static Throwable masked(Throwable failure) {
        if (failure == null) {
            return null;
        }
        Throwable cause = failure.getCause() == failure ? null : failure.getCause();
        Throwable maskedCause = masked(cause);
        String text = failure.toString();
        if (mask(text).equals(text) && maskedCause == cause) {
            return failure;
        }
        Throwable copy = new MaskedFailure(mask(text), maskedCause);
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    /** Stands in for a failure whose message carried a credential: its class and message, masked. */
    private static final class MaskedFailure extends RuntimeException {
        MaskedFailure(String classAndMessage, Throwable cause) {
            super(classAndMessage, cause, false, true);
        }

        // The masked class and message stand in for the original's toString, which named its class.
        @SuppressWarnings("OverrideThrowableToString")
        @Override
        public String toString() {
            return getMessage();
        }
    }
}
