package org.craftline.web;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.Map;
import org.craftline.CraftlineConfiguration;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.TestApp;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The page tests' shared steps: one browser on one running app, people made and signed in through
 * the API. A JUnit extension, registered after the app's: Chromium starts once the app runs, each
 * test starts signed out, and Chromium stops before the app does.
 */
final class PageSession implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final DropwizardAppExtension<CraftlineConfiguration> app;
    Browser browser;
    Http admin;
    private int port;

    PageSession(DropwizardAppExtension<CraftlineConfiguration> app) {
        this.app = app;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        browser = Browser.start();
        admin = TestApp.admin(app);
        port = app.getLocalPort();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        signOut();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
    }

    String page() {
        return "http://127.0.0.1:" + port + "/";
    }

    /**
     * Starts signed out, whatever the test before left in the browser's storage. The storage is
     * cleared on a file of the same origin that runs no script, so that no request of a signed-in
     * page is still under way when the token goes; the entries kept offline go too, and the network
     * is on. Forgets the console's earlier errors.
     */
    void signOut() {
        browser.network(true);
        browser.open(page() + "favicon.svg");
        browser.script("localStorage.clear(); indexedDB.deleteDatabase('craftline-outbox')");
        browser.consoleErrors();
    }

    String newWorker(String prefix) {
        return newWorker(prefix, "environment-art");
    }

    String newWorker(String prefix, String team) {
        String handle = TestApp.uniqueHandle(prefix);
        Map<String, Object> worker = Payloads.worker(handle);
        worker.put("team", team);
        TestApp.createWorker(admin, worker);
        return handle;
    }

    /** Signs the person in with a new token of {@code role}, kept where the page itself keeps it. */
    void signIn(String handle, String role) {
        browser.script("localStorage.setItem('craftline.token', arguments[0])", TestApp.token(admin, handle, role));
        browser.open(page());
        browser.waitForText("who", handle);
    }

    void signIn(String handle) {
        signIn(handle, "WORKER");
    }
}
