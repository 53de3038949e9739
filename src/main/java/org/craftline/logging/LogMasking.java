package org.craftline.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * Keeps bearer tokens out of every log line, and keeps values from forging log lines, whatever level
 * an operator sets. Jetty's and Jersey's DEBUG output prints request headers, {@code Authorization}
 * included, and the admin port's {@code log-level} task can turn it on at run time; config.yml's
 * pinned levels cannot prevent that. A value a client sent (a path, a header, a parameter) can hold
 * a line break followed by something that reads like a log line of its own.
 *
 * <p>A turbo filter sees each logging call before any appender: a message that would be logged
 * and carries a credential is logged with the credential replaced by {@value #MASK}; control
 * characters in the values put into a message, and in the messages of its failure, are escaped
 * ({@link #escape}); the original call is then dropped. Messages without either cost a pattern
 * search on top of formatting. The request log gets the same through {@link RequestLogLayoutFactory}.
 */
public final class LogMasking extends TurboFilter {

    static final String MASK = "****";

    /** An Authorization header however it is printed, a bearer credential, or a token of ours anywhere. */
    private static final Pattern CREDENTIAL = Pattern.compile(
            "(?i)(authorization\\W{0,4}\\s*(?:bearer\\s+|basic\\s+)?)[^\\s,;\\]}\"']+"
                    + "|(bearer\\s+)[^\\s,;\\]}\"']+"
                    + "|(access_token=)[^\\s&,;\\]}\"']+"
                    + "|()\\bcl_[A-Za-z0-9_-]{20,}");

    /** A request line's method and path, as the request log quotes it: {@code "GET /api/me;x=y HTTP/1.1"}. */
    private static final Pattern REQUEST_PATH = Pattern.compile("(\"[A-Z]{1,20} )([^ \"]*)");
    private static final Pattern PATH_PARAMETER = Pattern.compile(";[^/?]*");

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

    /**
     * {@code text} with its control characters written out ({@code \\n}, {@code \\r}, {@code \\u001b}),
     * so that no value can start a line of its own. A line break followed by a space or a tab stays:
     * it continues the line, as a stack trace's lines do (and as Dropwizard's list of routes at
     * start does), and cannot pass for a new one.
     */
    public static String escape(String text) {
        return escape(text, true);
    }

    /** A whole line as the request log writes it: credentials masked, every control character escaped but its end. */
    public static String safeLine(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        // A request log line has no continuation lines of its own: every break in it came from a value.
        return escape(mask(withoutPathParameters(line.substring(0, end))), false) + line.substring(end);
    }

    /**
     * The request line's path with each path parameter's value masked ({@code /api/me;x=****}): no
     * route takes one, and a client that puts its token there (as {@code ;jsessionid=} once was)
     * must not find it in the log, whatever the parameter's name.
     */
    private static String withoutPathParameters(String line) {
        return REQUEST_PATH.matcher(line).replaceAll(match -> Matcher.quoteReplacement(match.group(1)
                + PATH_PARAMETER.matcher(match.group(2)).replaceAll(";" + MASK)));
    }

    private static String escape(String text, boolean keepContinuations) {
        if (text == null || text.chars().noneMatch(LogMasking::needsEscape)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean continuation = keepContinuations && c == '\n' && i + 1 < text.length()
                    && (text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t');
            if (!needsEscape(c) || continuation) {
                escaped.append(c);
            } else if (c == '\n') {
                escaped.append("\\n");
            } else if (c == '\r') {
                escaped.append("\\r");
            } else {
                escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return escaped.toString();
    }

    private static boolean needsEscape(int c) {
        return c != '\t' && Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }

    /** {@code text} with every credential in it replaced by {@value #MASK}. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        return CREDENTIAL.matcher(text).replaceAll(match -> {
            for (int group = 1; group <= match.groupCount(); group++) {
                if (match.group(group) != null) {
                    return Matcher.quoteReplacement(match.group(group)) + MASK;
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
        Object[] values = escaped(params);
        // Without t, a throwable passed as the last parameter is the event's, as logback reads it.
        var formatted = t == null ? MessageFormatter.arrayFormat(format, values) : MessageFormatter.arrayFormat(format, values, t);
        String message = formatted.getMessage();
        String masked = mask(message);
        Throwable failure = formatted.getThrowable();
        Throwable maskedFailure = masked(failure);
        if (values == params && masked.equals(message) && maskedFailure == failure) {
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
     * {@code params} itself when no value's text holds a character {@link #escape} writes out;
     * otherwise a copy with those values as escaped text. A failure stays itself (see {@link #masked}).
     */
    private static Object[] escaped(Object[] params) {
        if (params == null) {
            return null;
        }
        Object[] escaped = params;
        for (int i = 0; i < params.length; i++) {
            if (params[i] == null || params[i] instanceof Throwable || params[i].getClass().isArray()) {
                continue;
            }
            String text = String.valueOf(params[i]);
            String safe = escape(text);
            if (!safe.equals(text)) {
                escaped = escaped == params ? params.clone() : escaped;
                escaped[i] = safe;
            }
        }
        return escaped;
    }

    /**
     * {@code failure} itself when no message in its chain carries a credential or a character
     * {@link #escape} writes out; otherwise a copy of the chain whose messages are masked and
     * escaped, keeping each stack trace, so the lines it prints are safe too.
     */
    static Throwable masked(Throwable failure) {
        if (failure == null) {
            return null;
        }
        Throwable cause = failure.getCause() == failure ? null : failure.getCause();
        Throwable maskedCause = masked(cause);
        String text = failure.toString();
        String safe = escape(mask(text));
        if (safe.equals(text) && maskedCause == cause) {
            return failure;
        }
        Throwable copy = new MaskedFailure(safe, maskedCause);
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
