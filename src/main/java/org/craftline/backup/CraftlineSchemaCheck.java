package org.craftline.backup;

import io.dropwizard.db.DataSourceFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.craftline.db.Dialect;
import org.craftline.db.Migrations;
import org.craftline.problem.UsageException;

/**
 * A restore accepts only a Craftline database: before H2 ever opens the file (which would run what
 * it holds), its schema is read from storage ({@link StoredSchema}) and compared, object by object,
 * with the schema this Craftline's changelog makes at the changesets the file says it ran. A view,
 * trigger, alias, function, constant, domain or setting that Craftline does not make, a table
 * changed, or a changelog this Craftline does not know: refused, in one line saying which.
 */
final class CraftlineSchemaCheck {

    /**
     * Settings a database may hold besides those the reference has: how H2 sizes, stores and traces,
     * none of which runs code or changes what the data means. Not among them: a Java object
     * serializer or an authenticator (classes H2 loads), referential integrity off, another
     * compatibility mode or collation.
     */
    private static final Set<String> HARMLESS_SETTINGS = Set.of("CREATE_BUILD", "WRITE_DELAY", "MAX_LENGTH_INPLACE_LOB",
            "CACHE_SIZE", "COMPRESS_LOB", "DEFAULT_LOCK_TIMEOUT", "DEFAULT_TABLE_TYPE", "LOCK_MODE", "MAX_MEMORY_ROWS",
            "MAX_MEMORY_UNDO", "MAX_OPERATION_MEMORY", "QUERY_STATISTICS", "QUERY_STATISTICS_MAX_ENTRIES",
            "TRACE_LEVEL_FILE", "TRACE_MAX_FILE_SIZE", "OPTIMIZE_REUSE_RESULTS", "RETENTION_TIME");

    private CraftlineSchemaCheck() {
    }

    /** Refuses {@code candidate} (an H2 file restored from {@code zip}) unless it is a Craftline database. */
    static void check(Path candidate, Path zip) throws Exception {
        StoredSchema stored;
        try {
            stored = StoredSchema.read(candidate);
        } catch (RuntimeException unreadable) {
            throw refused(zip, "it does not read as an H2 database");
        }
        List<String> claimed = stored.changeSetIds();
        if (claimed.isEmpty()) {
            throw refused(zip, "it has no Craftline changelog");
        }
        Path folder = Files.createTempDirectory("craftline-restore-check");
        try {
            DataSourceFactory reference = new DataSourceFactory();
            reference.setDriverClass("org.h2.Driver");
            reference.setUrl(Dialect.h2FileUrl(folder.resolve("reference")));
            reference.setUser("craftline");
            reference.setPassword("");
            List<String> known = Migrations.changeSetIds(reference);
            if (claimed.size() > known.size() || !known.subList(0, claimed.size()).equals(claimed)) {
                throw refused(zip, "its changelog (" + String.join(", ", claimed) + ") is not this Craftline's ("
                        + String.join(", ", known) + ") or a beginning of it");
            }
            Migrations.applyFirst(reference, claimed.size());
            compare(stored, StoredSchema.read(folder.resolve("reference" + H2Backup.FILE_ENDING)), zip, claimed.size());
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Every stored object must be one the reference has, and every reference object stored; users aside. */
    private static void compare(StoredSchema stored, StoredSchema expected, Path zip, int changeSets) {
        Set<String> settings = expected.objects().stream().filter(o -> o.kind() == StoredSchema.SETTING)
                .map(StoredSchema.StoredObject::settingName).collect(Collectors.toSet());
        List<StoredSchema.StoredObject> missing = new ArrayList<>(expected.objects().stream()
                .filter(o -> o.kind() != StoredSchema.USER && o.kind() != StoredSchema.SETTING).toList());
        for (StoredSchema.StoredObject object : stored.objects()) {
            if (object.kind() == StoredSchema.USER) {
                continue;   // who created the file: its own password, nothing that runs
            }
            if (object.kind() == StoredSchema.SETTING) {
                if (!settings.contains(object.settingName()) && !HARMLESS_SETTINGS.contains(object.settingName())) {
                    throw refused(zip, "it sets " + object.settingName() + ", which a Craftline database does not");
                }
                continue;
            }
            if (!missing.remove(object)) {
                throw refused(zip, "it holds a " + object.kindName() + " that Craftline's schema (changeset "
                        + changeSets + ") does not: " + shortened(object.sql()));
            }
        }
        if (!missing.isEmpty()) {
            throw refused(zip, "it lacks a " + missing.get(0).kindName() + " of Craftline's schema (changeset "
                    + changeSets + "): " + shortened(missing.get(0).sql()));
        }
    }

    private static String shortened(String sql) {
        String line = sql.replaceAll("\\s+", " ");
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }

    private static UsageException refused(Path zip, String why) {
        return new UsageException("Refused to restore " + zip + ": " + why + ". Restore only a backup Craftline made.");
    }
}
