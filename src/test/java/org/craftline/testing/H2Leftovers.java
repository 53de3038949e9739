package org.craftline.testing;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.ValueDataType;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.value.VersionedValue;

/**
 * Finds, in a closed H2 file, the entries a transaction wrote but that no transaction owns any more:
 * an uncommitted value whose transaction has no undo log to roll it back at the next open. H2 stores
 * its maps one after another while other sessions write (h2database#2080), so a kill can leave a
 * table's or an index's half of a write on disk without the undo log's half. H2 then reads past such
 * an entry, but a unique index refuses its key for ever ("Concurrent update in table"). An entry
 * whose transaction number an unfinished transaction of the file happens to reuse is not counted:
 * it may miss one, never invent one.
 */
public final class H2Leftovers {

    /** H2's operation id is the transaction id above this many bits of log id ({@code Transaction.LOG_ID_BITS}). */
    private static final int LOG_ID_BITS = 40;

    private H2Leftovers() {
    }

    /**
     * The number of ownerless uncommitted entries in each table and index map of the H2 database
     * {@code database} (the path without {@code .mv.db}); empty when there are none.
     */
    public static TreeMap<String, Integer> in(Path database) {
        Path file = Path.of(database + ".mv.db");
        TreeMap<String, Integer> found = new TreeMap<>();
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            TransactionStore transactions = new TransactionStore(store, new ValueDataType());
            transactions.init();
            Set<Integer> open = transactions.getOpenTransactions().stream().map(Transaction::getId)
                    .collect(Collectors.toSet());
            Transaction reader = transactions.begin();
            for (String name : store.getMapNames()) {
                if (!name.startsWith("table.") && !name.startsWith("index.")) {
                    continue;
                }
                TransactionMap<Object, Object> map = reader.openMap(name);
                for (Cursor<Object, VersionedValue<Object>> entries = map.map.cursor(null); entries.hasNext(); ) {
                    entries.next();
                    long operation = entries.getValue().getOperationId();
                    if (operation != 0 && !open.contains((int) (operation >>> LOG_ID_BITS))) {
                        found.merge(name, 1, Integer::sum);
                    }
                }
            }
        }
        return found;
    }
}
