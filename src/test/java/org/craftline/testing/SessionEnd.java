package org.craftline.testing;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * What runs when the JUnit launcher session ends (registered in META-INF/services): first what
 * uses a database (the shared server), then the throwaway PostgreSQL cluster under it.
 */
public final class SessionEnd implements LauncherSessionListener {

    private static final List<Runnable> BEFORE_DATABASES_STOP = new ArrayList<>();

    public static synchronized void beforeDatabasesStop(Runnable action) {
        BEFORE_DATABASES_STOP.add(action);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        List<Runnable> actions;
        synchronized (SessionEnd.class) {
            actions = new ArrayList<>(BEFORE_DATABASES_STOP);
            BEFORE_DATABASES_STOP.clear();
        }
        actions.forEach(Runnable::run);
        PostgresCluster.stopIfRunning();
    }
}
