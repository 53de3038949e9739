package org.craftline.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.craftline.testing.H2Leftovers;
import org.craftline.testing.ProcessLevel;
import org.craftline.testing.ServerProcess;
import org.craftline.testing.TestApp;
import org.craftline.testing.TestDatabases;
import org.craftline.testing.WriteLoad;
import org.junit.jupiter.api.Test;

/**
 * Jepsen's set test ({@link WriteLoad}) against kill -9. The real server runs in a process of its
 * own; at a random moment under load it is killed, started again on the same database, and every
 * unknown request is sent again with the same key and body. Then every acknowledged task is there
 * exactly once with what was sent, no failed one is, nothing is there that was never sent, and after
 * the last cycle the day rollups equal a recomputation from the steps. On H2, after every kill, the
 * file holds no entry that no transaction owns ({@link H2Leftovers}). {@code -Dcrash.cycles=N} runs
 * more cycles.
 */
@ProcessLevel
class CrashTest {

    /**
     * In the suite, 16 on H2 and 8 on PostgreSQL, to keep it within its time: H2's file is this
     * process's to keep whole (see OneWriterAtATime), PostgreSQL's is the database's, and what the two
     * share, the clients' retries after a restart, 8 cycles try well. The long loop is in docs/reliability.md.
     */
    private static final int CYCLES = Integer.getInteger("crash.cycles",
            TestDatabases.current() == TestDatabases.H2 ? 16 : 8);
    private static final int CLIENTS = 4;
    /**
     * {@code -Dcrash.unsafeH2=true} runs H2 with its default 500 ms write delay (and the safety check
     * that refuses it turned off): the test must then find acknowledged writes lost. Not for CI.
     */
    private static final boolean UNSAFE_H2 = Boolean.getBoolean("crash.unsafeH2");

    /** The server's settings: the test's database as it is, or H2 with its write delay left at the default. */
    private static Map<String, String> settings(Path database, boolean migrate) {
        Map<String, String> settings = new HashMap<>(Map.of("CRAFTLINE_MIGRATE_ON_START", String.valueOf(migrate)));
        if (UNSAFE_H2) {
            settings.put("CRAFTLINE_DB_URL", TestApp.databaseEnvironment(database).get("CRAFTLINE_DB_URL")
                    .replace(";WRITE_DELAY=0", ""));
            settings.put("CRAFTLINE_ALLOW_UNSAFE_DURABILITY", "true");
        }
        return settings;
    }

    @Test
    void killedAtRandom_losesNothingAcknowledged_doublesNothing_andInventsNothing() throws Exception {
        Path database = TestApp.newDatabaseFile();
        Random random = new Random();
        String worker = TestApp.uniqueHandle("crash");
        WriteLoad load = new WriteLoad(worker);
        ServerProcess server = ServerProcess.start(database, settings(database, true));
        try {
            TestApp.createWorker(server.admin(), worker);
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                WriteLoad.Clients clients = load.start(server.admin(), CLIENTS, random);
                Thread.sleep(100 + random.nextInt(600));
                server.kill();
                clients.stop();
                if (TestDatabases.current() == TestDatabases.H2) {
                    // What would refuse a key for good at the next start (see OneWriterAtATime).
                    assertThat(H2Leftovers.in(database)).as("cycle %d: entries no transaction owns, by map", cycle)
                            .isEmpty();
                }

                // The schema is current since the first start: Liquibase need not check it again.
                server = ServerProcess.start(database, settings(database, false));
                load.retryUnknown(server.admin());
                load.assertTheSetHolds(server.admin(), "cycle " + cycle);
                if ((cycle + 1) % 50 == 0) {
                    System.out.println("CrashTest, after " + (cycle + 1) + " cycles: " + load.summary());
                }
            }
        } finally {
            server.close();
            server.process().waitFor();
        }
        load.assertRollupsEqualTheSteps(TestApp.databaseEnvironment(database));
        System.out.println("CrashTest, " + CYCLES + " cycles: " + load.summary());
    }
}
