package org.craftline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.craftline.db.Dialect;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.RowDataType;
import org.h2.mvstore.db.ValueDataType;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.result.SearchRow;
import org.h2.value.Value;
import org.h2.value.ValueInteger;
import org.h2.value.ValueNull;
import org.junit.jupiter.api.Test;

/**
 * What a kill could leave in an H2 file before {@link org.craftline.db.OneWriterAtATime}, made here
 * on purpose: a unique index's entry for an unfinished insert, stored without the undo-log entry that
 * would roll it back. {@link H2Leftovers} must find it, and H2 then refuses its key for good with the
 * error the crash loop's 503 carried.
 */
@NoDatabase
class H2LeftoversTest {

    @Test
    void anIndexEntryStoredWithoutItsUndoLog_isFound_andItsKeyIsRefusedForGood() throws Exception {
        Path database = TestApp.newDatabaseFile();
        String url = Dialect.h2FileUrl(database);
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE days (id BIGINT PRIMARY KEY, work_date INT NOT NULL UNIQUE)");
            statement.execute("INSERT INTO days VALUES (1, 7)");
        }
        assertThat(H2Leftovers.in(database)).isEmpty();

        storeAnUnfinishedInsertWithoutItsUndoLog(database, 8);

        assertThat(H2Leftovers.in(database)).hasSize(1).containsValue(1);
        try (Connection next = DriverManager.getConnection(url + ";LOCK_TIMEOUT=300", "sa", "");
             Statement statement = next.createStatement()) {
            assertThatThrownBy(() -> statement.execute("INSERT INTO days VALUES (3, 8)"))
                    .hasMessageContaining("Timeout trying to lock table")
                    .hasStackTraceContaining("Concurrent update in table \"DAYS\"");
            statement.execute("INSERT INTO days VALUES (4, 9)");
            assertThat(count(statement)).isEqualTo(2);
        }
    }

    /** An entry for {@code workDate} in the unique index, written by a transaction the file has no undo log for. */
    private static void storeAnUnfinishedInsertWithoutItsUndoLog(Path database, int workDate) {
        try (MVStore store = new MVStore.Builder().fileName(database + ".mv.db").open()) {
            TransactionStore transactions = new TransactionStore(store, new ValueDataType());
            transactions.init();
            // Not the id the next session's transaction gets, which would take the entry for its own.
            transactions.begin();
            Transaction unfinished = transactions.begin();
            String index = store.getMapNames().stream().filter(name -> name.startsWith("index.")).findFirst()
                    .orElseThrow();
            TransactionMap<SearchRow, Value> entries = unfinished.openMap(index);
            SearchRow entry = ((RowDataType) entries.map.getKeyType()).getRowFactory().createRow();
            entry.copyFrom(entries.firstKey());
            entry.setValue(1, ValueInteger.get(workDate));
            entry.setKey(2);
            entries.put(entry, ValueNull.INSTANCE);
            store.commit();
            store.getMapNames().stream().filter(name -> name.startsWith("undoLog")).toList().forEach(store::removeMap);
            store.commit();
        }
    }

    private static int count(Statement statement) throws SQLException {
        try (var rows = statement.executeQuery("SELECT COUNT(*) FROM days")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
