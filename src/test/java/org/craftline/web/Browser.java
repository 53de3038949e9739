package org.craftline.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through its chromedriver: the web page's tests see what a
 * person would. Never skipped: without Chromium the tests fail and say how to install it (CI's
 * {@code .ci/run} does). Screenshots go to {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final int DESKTOP_WIDTH = 1280;
    static final int PHONE_WIDTH = 375;

    final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Chromium and its driver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": apt-get install chromium chromium-driver");
        }
        try {
            Path profile = Files.createTempDirectory("craftline-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // Without the background-networking flags this closed network refuses Chromium's connections.
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--window-size=" + DESKTOP_WIDTH + ",900");
            options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, Level.ALL.getName()));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    /**
     * A wait of up to {@code seconds} that looks again every 50 ms: Selenium's default half second
     * between looks cost the page tests more than the pages did (most waits are over in one).
     */
    WebDriverWait waiting(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(50));
    }

    /** Waits up to 5 s for the element to show. */
    WebElement visible(String id) {
        return waiting(5)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    void waitForText(String id, String text) {
        waiting(5).until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    Object script(String javaScript, Object... arguments) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(javaScript, arguments);
    }

    /** Sets the window's size, as a phone's or a desktop's. */
    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /**
     * Cuts this page's network (Chromium's own network emulation, as DevTools' "Offline") or gives
     * it back. Requests then fail as on a train, and the page hears {@code offline} / {@code online}.
     */
    void network(boolean on) {
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !on, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** Waits up to {@code seconds} for the script to return true. */
    void waitUntil(int seconds, String javaScript) {
        waiting(seconds).until(d -> Boolean.TRUE.equals(script(javaScript)));
    }

    /**
     * The controls on view (links, buttons, fields, summaries, scrolling boxes; not those in a
     * closed {@code <details>}) that pressing Tab from the top of the page never focuses. A date
     * field takes a Tab stop for each of its parts, so each control is allowed a few.
     */
    List<String> controlsTabDoesNotReach() {
        @SuppressWarnings("unchecked")
        List<String> controls = (List<String>) script("return [...document.querySelectorAll("
                + "'a[href], button, input, select, textarea, summary, [tabindex]')]"
                + ".filter(e => e.checkVisibility({ visibilityProperty: true }) && !e.disabled && e.tabIndex >= 0)"
                + ".map((e, i) => { e.dataset.probe = (e.id || e.name || e.getAttribute('aria-label')"
                + " || e.getAttribute('aria-labelledby') || e.tagName)"
                + " + '#' + i; return e.dataset.probe; })");
        if (controls.isEmpty()) {
            throw new IllegalStateException("no control on view: the page did not load");
        }
        // Every element that takes focus is noted by the page itself, so that the presses go as one.
        script("window.tabbedTo = new Set(); document.activeElement.blur(); window.scrollTo(0, 0);"
                + "document.addEventListener('focusin', e => window.tabbedTo.add(e.target.dataset.probe));");
        Actions presses = new Actions(driver);
        for (int i = 0; i < 4 * controls.size(); i++) {
            presses.sendKeys(Keys.TAB);
        }
        presses.perform();
        @SuppressWarnings("unchecked")
        List<String> reached = (List<String>) script("return [...window.tabbedTo]");
        return controls.stream().filter(control -> !reached.contains(control)).toList();
    }

    /** How far the page reaches past the window's right edge, in CSS pixels: 0 when nothing does. */
    int horizontalOverflow() {
        return ((Number) script("return Math.max(0, document.documentElement.scrollWidth - window.innerWidth)"))
                .intValue();
    }

    /**
     * Shows the page as a phone 375 pixels wide would and saves what the phone's screen shows, the
     * element {@code showing} at its top, as {@code name-375}; then goes back to the desktop's width.
     * Answers how far the page reached past the phone's screen (0 when nothing did).
     */
    int onPhone(String name, String showing) {
        Dimension window = driver.manage().window().getSize();
        resize(PHONE_WIDTH, 812);
        try {
            waitUntil(5, "return window.innerWidth === " + PHONE_WIDTH);
            int overflow = horizontalOverflow();
            script("document.getElementById(arguments[0]).scrollIntoView()", showing);
            save(name + "-" + PHONE_WIDTH);
            return overflow;
        } finally {
            resize(window.getWidth(), window.getHeight());
        }
    }

    /** The console's errors since the last call. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** axe-core's serious and critical findings on the page as it is now, each as "rule: where". */
    List<String> seriousAccessibilityViolations() {
        Results results = new AxeBuilder().analyze(driver);
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getId() + ": " + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                        .toList())
                .toList();
    }

    /** The whole page, not only the window: the window grows to the page's height for the shot. */
    void screenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        script("window.scrollTo(0, 0)");
        int height = ((Number) script("return document.documentElement.scrollHeight")).intValue();
        resize(window.getWidth(), Math.min(Math.max(height + 120, window.getHeight()), 6000));
        try {
            save(name);
        } finally {
            resize(window.getWidth(), window.getHeight());
        }
    }

    /** What the window shows now. */
    private void save(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
