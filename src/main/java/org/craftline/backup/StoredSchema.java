package org.craftline.backup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.ValueDataType;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.result.Row;

/**
 * The schema an H2 file holds, read from its storage (H2's {@code MVStore}) without H2's SQL engine,
 * as H2's own {@code Recover} tool reads it: opening a database runs what it holds (a trigger's
 * Java source is compiled and run at open, a view's query when it is read), so a file from
 * elsewhere is read this way first. Each object is H2's record of it: its kind and the SQL that makes it.
 */
final class StoredSchema {

    /** H2's kinds of database object ({@code org.h2.engine.DbObject}), by number. */
    private static final String[] KINDS = {"table or view", "index", "user", "sequence", "trigger", "constraint",
        "setting", "role", "right", "function alias", "schema", "constant", "domain", "comment", "aggregate",
        "synonym"};
    static final int TABLE_OR_VIEW = 0;
    static final int USER = 2;
    static final int SETTING = 6;

    /** Names H2 makes up, which differ from one database to the next for the same schema. */
    private static final Pattern GENERATED_NAMES = Pattern.compile(
            "SYSTEM_SEQUENCE_[0-9A-F_]+|(PRIMARY_KEY|CONSTRAINT|INDEX)_[0-9A-F]+\\b");
    private static final Pattern RESTART = Pattern.compile(" RESTART WITH \\d+");
    private static final Pattern TABLE_NAME = Pattern.compile("^CREATE (?:CACHED |MEMORY )?TABLE \"PUBLIC\"\\.\"(\\w+)\"");

    /** One object: its kind and the SQL that makes it, with the names and counters H2 made up taken out. */
    record StoredObject(int kind, String sql) {

        String kindName() {
            return kind >= 0 && kind < KINDS.length ? KINDS[kind] : "object of kind " + kind;
        }

        /** The setting's name, for a {@code SET NAME value}. */
        String settingName() {
            return sql.replaceFirst("^SET (\\w+).*", "$1");
        }
    }

    private final List<StoredObject> objects;
    private final List<String> changeSetIds;

    private StoredSchema(List<StoredObject> objects, List<String> changeSetIds) {
        this.objects = objects;
        this.changeSetIds = changeSetIds;
    }

    /** Reads the schema of the H2 file {@code file} (its {@code .mv.db}), and the changesets its changelog table lists. */
    static StoredSchema read(Path file) {
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            TransactionStore transactions = new TransactionStore(store, new ValueDataType());
            transactions.init();
            List<StoredObject> objects = new ArrayList<>();
            Integer changeLogTable = null;
            TransactionMap<Long, Row> meta = transactions.begin().openMap("table.0");
            for (var key = meta.keyIterator(null); key.hasNext(); ) {
                Row row = meta.get(key.next());
                int id = row.getValue(0).getInt();
                String sql = row.getValue(3).getString();
                StoredObject object = new StoredObject(row.getValue(2).getInt(), normalized(sql));
                objects.add(object);
                var table = TABLE_NAME.matcher(sql);
                if (object.kind() == TABLE_OR_VIEW && table.find() && table.group(1).equals("DATABASECHANGELOG")) {
                    changeLogTable = id;
                }
            }
            return new StoredSchema(objects, changeLogTable == null ? List.of()
                    : changeSetIds(transactions.begin().openMap("table." + changeLogTable)));
        }
    }

    /** The changelog table's ids (its first column) in the order they ran (its fifth). */
    private static List<String> changeSetIds(TransactionMap<Long, Row> changeLog) {
        Map<Integer, String> byOrder = new TreeMap<>();
        for (var key = changeLog.keyIterator(null); key.hasNext(); ) {
            Row row = changeLog.get(key.next());
            byOrder.put(row.getValue(4).getInt(), row.getValue(0).getString());
        }
        return List.copyOf(byOrder.values());
    }

    private static String normalized(String sql) {
        return RESTART.matcher(GENERATED_NAMES.matcher(sql).replaceAll("GENERATED")).replaceAll("");
    }

    List<StoredObject> objects() {
        return objects;
    }

    List<String> changeSetIds() {
        return changeSetIds;
    }
}
