package org.craftline.testing;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import org.craftline.CraftlineConfiguration;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The set-up every API test shares: a running server with the default configuration, an admin
 * client, and a new worker for each test. One server serves every test class that uses it in a run
 * (each test's own worker keeps their data apart), so the suite starts it once, not once a class;
 * a test that needs its own configuration or an empty database starts its own with {@link TestApp}.
 *
 * <pre>
 * {@literal @}RegisterExtension
 * static final SharedApp API = SharedApp.withWorkersNamed("rep");
 *
 * {@literal @}Admin Http http;            // the admin client
 * {@literal @}FreshWorker String worker;  // this test's worker, created through the API
 * {@literal @}FreshWorker Http asWorker;  // a client signed in as that worker, with a token of its own
 * </pre>
 */
public final class SharedApp implements BeforeEachCallback {

    /** An {@link Http} field given the admin client before each test. */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Admin {
    }

    /**
     * A {@code String} field given a new worker's handle before each test, or an {@link Http} field
     * given a client signed in as that same worker.
     */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface FreshWorker {
    }

    private static DropwizardAppExtension<CraftlineConfiguration> running;

    private final String prefix;

    private SharedApp(String prefix) {
        this.prefix = prefix;
    }

    /** @param prefix how this class's workers' handles start, to tell them apart in a failure */
    public static SharedApp withWorkersNamed(String prefix) {
        return new SharedApp(prefix);
    }

    /** The server, started on first use and stopped when the test run ends. */
    public static synchronized DropwizardAppExtension<CraftlineConfiguration> app() {
        if (running == null) {
            DropwizardAppExtension<CraftlineConfiguration> app = TestApp.extension();
            try {
                app.before();
            } catch (Exception e) {
                throw new IllegalStateException("the shared test server did not start", e);
            }
            running = app;
            SessionEnd.beforeDatabasesStop(SharedApp::stop);
        }
        return running;
    }

    private static synchronized void stop() {
        if (running != null) {
            running.after();
            running = null;
        }
    }

    public Http admin() {
        return TestApp.admin(app());
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        Object test = context.getRequiredTestInstance();
        Http admin = admin();
        String handle = null;
        for (Class<?> type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(Admin.class)) {
                    field.setAccessible(true);
                    field.set(test, admin);
                } else if (field.isAnnotationPresent(FreshWorker.class)) {
                    if (handle == null) {
                        handle = TestApp.uniqueHandle(prefix);
                        TestApp.createWorker(admin, handle);
                    }
                    field.setAccessible(true);
                    field.set(test, field.getType() == Http.class ? TestApp.signedIn(admin, handle, "WORKER") : handle);
                }
            }
        }
    }
}
