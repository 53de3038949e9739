package org.craftline.http;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpCompliance;

/**
 * Jetty's RFC 9110 mode still reads a request head or a chunk size ended by a bare LF instead of
 * CRLF (RFC 9112 lets a server accept it). Behind a proxy that frames the same bytes the other
 * way, that difference is how requests are smuggled, so every port answers it with 400.
 */
public final class StrictFraming {

    static final HttpCompliance STRICT = HttpCompliance.from("RFC9110,-LF_HEADER_TERMINATION,-LF_CHUNK_TERMINATION");

    private StrictFraming() {
    }

    /** Sets the strict mode on every HTTP connector of {@code server}; call it before the server is built. */
    public static void apply(ServerFactory server) {
        List<ConnectorFactory> connectors = new ArrayList<>();
        if (server instanceof DefaultServerFactory factory) {
            connectors.addAll(factory.getApplicationConnectors());
            connectors.addAll(factory.getAdminConnectors());
        } else if (server instanceof SimpleServerFactory factory) {
            connectors.add(factory.getConnector());
        }
        for (ConnectorFactory connector : connectors) {
            if (connector instanceof HttpConnectorFactory http) {
                http.setHttpCompliance(STRICT);
            }
        }
    }
}
