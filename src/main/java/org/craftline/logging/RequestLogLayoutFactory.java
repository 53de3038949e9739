package org.craftline.logging;

import ch.qos.logback.access.common.spi.IAccessEvent;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.logging.common.AbstractAppenderFactory;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.logging.common.layout.DiscoverableLayoutFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import io.dropwizard.request.logging.layout.LogbackAccessRequestLayout;
import java.util.TimeZone;

/**
 * The request log's layout, set by {@link #applyTo} on every request log appender that has none of
 * its own (or by {@code layout: {type: craftline}} in the configuration): Dropwizard's, with
 * every line put through {@link LogMasking#safeLine}. The request line is logged as the client sent
 * it, path parameters included ({@code /api/me;access_token=...}), and headers such as
 * {@code User-Agent} are the client's words: credentials are masked and control characters escaped.
 */
@JsonTypeName("craftline")
public final class RequestLogLayoutFactory implements DiscoverableLayoutFactory<IAccessEvent> {

    /** Gives each of the server's request log appenders this layout, unless the configuration chose one. */
    public static void applyTo(ServerFactory server) {
        if (server instanceof AbstractServerFactory factory
                && factory.getRequestLogFactory() instanceof LogbackAccessRequestLogFactory requestLog) {
            for (AppenderFactory<IAccessEvent> appender : requestLog.getAppenders()) {
                if (appender instanceof AbstractAppenderFactory<IAccessEvent> configurable && configurable.getLayout() == null) {
                    configurable.setLayout(new RequestLogLayoutFactory());
                }
            }
        }
    }

    @Override
    public LayoutBase<IAccessEvent> build(LoggerContext context, TimeZone timeZone) {
        return new SafeLayout(context, timeZone);
    }

    /** Dropwizard sets the pattern from {@code logFormat} on it, as on its own. */
    private static final class SafeLayout extends LogbackAccessRequestLayout {

        SafeLayout(LoggerContext context, TimeZone timeZone) {
            super(context, timeZone);
        }

        @Override
        public String doLayout(IAccessEvent event) {
            return LogMasking.safeLine(super.doLayout(event));
        }
    }
}
