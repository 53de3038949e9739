package org.craftline.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.craftline.CraftlineConfiguration;
import org.craftline.testing.BrowserLevel;
import org.craftline.testing.TestApp;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Entries survive a lost connection, in Chromium with its network cut: two tasks saved offline are
 * kept in the browser, the page itself opens again without a network, and once the network is back
 * each task reaches the server exactly once. Nothing kept outlives sign-out.
 */
@BrowserLevel
@ExtendWith(DropwizardExtensionsSupport.class)
class OfflinePageTest {

    static final DropwizardAppExtension<CraftlineConfiguration> APP = TestApp.extension();
    @RegisterExtension
    static final PageSession session = new PageSession(APP);
    private static ServerConnector applicationPort;

    /** Signs in and waits until the service worker controls the page, so that it can open offline. */
    private void signInWithServiceWorker(String handle) {
        session.signIn(handle);
        session.browser.waitUntil(10, "return navigator.serviceWorker.controller !== null");
        session.browser.waitUntil(10, "return document.getElementById('task-date').value !== ''");
    }

    /** A new worker signed in, the page ready to open offline, and the network cut. */
    private String offlineWorker(String prefix) {
        String handle = session.newWorker(prefix);
        signInWithServiceWorker(handle);
        session.browser.network(false);
        return handle;
    }

    private void logTask(String title, String activity, int minutes) {
        session.browser.find("task-title").clear();
        session.browser.find("task-title").sendKeys(title);
        session.browser.driver.findElement(By.cssSelector("#steps li [name=activity]"))
                .sendKeys(activity);
        session.browser.driver.findElement(By.cssSelector("#steps li [name=minutes]"))
                .sendKeys(String.valueOf(minutes));
        session.browser.find("task-form").submit();
    }

    private List<String> storedTitles(String handle) {
        JsonNode tasks = session.admin.get("/api/export?worker=" + handle).json().path("tasks");
        List<String> titles = new ArrayList<>();
        tasks.forEach(task -> titles.add(task.path("title").asText()));
        return titles;
    }

    /** Closes the server's application port, or opens it again on the same port. */
    private static void serverReachable(boolean reachable) {
        try {
            if (reachable) {
                applicationPort.start();
            } else {
                Server server = APP.getEnvironment().getApplicationContext().getServer();
                applicationPort = Arrays.stream(server.getConnectors())
                        .filter(ServerConnector.class::isInstance).map(ServerConnector.class::cast)
                        .filter(connector -> connector.getLocalPort() == APP.getLocalPort()).findFirst().orElseThrow();
                applicationPort.setPort(applicationPort.getLocalPort());
                applicationPort.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many entries this browser keeps for the network, read from IndexedDB itself. */
    private long keptInBrowser() {
        Object count = ((JavascriptExecutor) session.browser.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "const opening = indexedDB.open('craftline-outbox', 1);"
                + "opening.onupgradeneeded = () => opening.result.createObjectStore('waiting',"
                + " { keyPath: 'id', autoIncrement: true });"
                + "opening.onsuccess = () => { const db = opening.result;"
                + " const counting = db.transaction('waiting').objectStore('waiting').count();"
                + " counting.onsuccess = () => { db.close(); done(counting.result); }; };"
                + "opening.onerror = () => done(-1);");
        return ((Number) count).longValue();
    }

    @Test
    void twoTasksSavedOffline_areKept_andSentOnceEachWhenTheNetworkIsBack() {
        String handle = offlineWorker("train");
        logTask("Sketch on the train", "thumbnail sketching", 40);
        session.browser.waitForText("task-saved", "No network: \"Sketch on the train\" is kept in this browser");
        logTask("Notes on the train", "reference notes", 25);
        session.browser.waitForText("outbox", "2 entries are waiting for the network");
        assertThat(storedTitles(handle)).as("nothing reached the server").isEmpty();
        assertThat(keptInBrowser()).isEqualTo(2);

        // The server itself out of reach too: the service worker's own fetches fail, so the page
        // that opens is the copy it kept.
        serverReachable(false);
        try {
            session.browser.open(session.page());
            session.browser.waitForText("who", handle);
            session.browser.waitForText("outbox", "2 entries are waiting for the network");
        } finally {
            serverReachable(true);
        }
        session.browser.screenshot("offline-waiting");
        assertThat(session.browser.seriousAccessibilityViolations()).as("axe-core offline").isEmpty();

        // Chromium's emulation does not send the "online" event: the page's own tries find the network.
        session.browser.network(true);
        session.browser.waitUntil(15, "return document.getElementById('outbox').textContent.startsWith('Sent')");

        assertThat(session.browser.find("outbox").getText()).isEqualTo("Sent \"Sketch on the train\" of "
                + session.browser.find("task-date").getAttribute("value") + ", \"Notes on the train\" of "
                + session.browser.find("task-date").getAttribute("value") + ", kept while offline.");
        assertThat(storedTitles(handle)).as("each exactly once")
                .containsExactlyInAnyOrder("Sketch on the train", "Notes on the train");
        session.browser.waitForText("recent", "Notes on the train");
        session.browser.open(session.page());
        session.browser.waitForText("who", handle);
        assertThat(storedTitles(handle)).as("a reload sends nothing again").hasSize(2);
    }

    @Test
    void anEntryKeptOffline_goesAtSignOut() {
        String handle = offlineWorker("signout");
        logTask("Kept, then signed out", "sketching", 30);
        session.browser.waitForText("outbox", "1 entry is waiting");

        session.browser.find("sign-out").click();
        Alert question = session.browser.waiting(5)
                .until(ExpectedConditions.alertIsPresent());
        assertThat(question.getText()).startsWith("1 entry has not reached the server yet. Signing out deletes it");
        question.accept();
        session.browser.visible("token");
        session.browser.network(true);

        assertThat(session.browser.script("return localStorage.length")).isEqualTo(0L);
        assertThat(keptInBrowser()).as("entries kept in IndexedDB after sign-out").isZero();
        session.signIn(handle);
        session.browser.waitForText("recent-title", "Recent tasks");
        assertThat(storedTitles(handle)).isEmpty();
    }

    /**
     * A token that expires signs its person out without deleting their entries; whoever signs in
     * next on this browser has them deleted unread, never sent under their own token.
     */
    @Test
    void entriesKeptForOnePerson_areDeletedUnread_whenAnotherSignsInOnThisBrowser() {
        String second = session.newWorker("second");
        String first = offlineWorker("first");
        logTask("Private title of the first", "sketching", 30);
        session.browser.waitForText("outbox", "1 entry is waiting");

        // As when the first's token expires: the page forgets it and asks for a token again.
        session.browser.script("localStorage.clear()");
        session.browser.network(true);
        session.signIn(second);
        session.browser.waitUntil(5, "return document.getElementById('task-date').value !== ''");

        assertThat(keptInBrowser()).isZero();
        assertThat(session.browser.find("outbox").getText()).doesNotContain("Private title");
        assertThat(storedTitles(first)).isEmpty();
        assertThat(storedTitles(second)).isEmpty();
    }
}
