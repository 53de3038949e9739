package org.craftline.db;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.sqlobject.SqlObjectFactory;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * Sets a Jdbi up for the DAOs, the one way every entry point does it (server, commands, tests).
 *
 * <p>Besides installing SQL objects, it can read DAO interfaces once into the Jdbi's own cache.
 * Jdbi caches what it learns of a DAO type in the configuration of the handle it was attached to,
 * and every handle starts from a copy of the Jdbi's: a type the Jdbi itself never saw was read
 * again by every request (docs/performance.md has the profile that found it). The server passes
 * every DAO ({@code CraftlineDaos}); a command, which makes a few requests, need not.
 */
public final class SqlObjects {

    private SqlObjects() {
    }

    /** SQL objects, without reading any DAO ahead. */
    public static Jdbi install(Jdbi jdbi) {
        return install(jdbi, List.of());
    }

    /** SQL objects, with {@code daos} read into the Jdbi's cache; one missing still works, only more slowly. */
    public static Jdbi install(Jdbi jdbi, List<Class<?>> daos) {
        jdbi.installPlugin(new SqlObjectPlugin());
        Extensions extensions = jdbi.getConfig(Extensions.class);
        ExtensionFactory sqlObjects = extensions.findFactory(SqlObjectFactory.class)
                .orElseThrow(() -> new IllegalStateException("SQL objects are not installed"));
        for (Class<?> dao : daos) {
            extensions.findMetadata(dao, sqlObjects);
        }
        return jdbi;
    }
}
