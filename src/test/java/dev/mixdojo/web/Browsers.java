package dev.mixdojo.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser for the live classroom's tests: Debian's Chromium, headless, driven through Debian's chromedriver
 * by Selenium (never downloaded). Chromium starts with the flags that keep it from reaching for the network on a
 * closed machine, and a fresh profile each time.
 */
public final class Browsers {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Why the browser tests are skipped when Chromium is missing. */
    public static final String MISSING = "Chromium and chromedriver are not installed (apt-get install chromium"
            + " chromium-driver; .ci/run does it); the live classroom's browser tests are skipped.";

    /** Selenium warns on every start that it has no DevTools bindings for this Chromium; the tests use none. */
    private static final java.util.logging.Logger DEVTOOLS_LOG = java.util.logging.Logger.getLogger(
            "org.openqa.selenium.devtools");

    static {
        DEVTOOLS_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private Browsers() {
    }

    /** Whether Chromium and its driver are installed. */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** A headless Chromium of {@code width}×{@code height} with a fresh profile in {@code profile}; empty when not installed. */
    public static Optional<WebDriver> chromium(Path profile, int width, int height) {
        if (!available()) {
            return Optional.empty();
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return Optional.of(driver);
    }

    /** Waits up to {@code timeout} for {@code condition}; fails with {@code what} when it never holds. */
    public static void until(String what, Duration timeout, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(condition.get())) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            LiveClients.pause(50);
        }
        throw new AssertionError("waited " + timeout + " for " + what, last);
    }

    /** As {@link #until(String, Duration, Supplier)}, and on failure says what the page showed. */
    public static void until(WebDriver driver, String what, Duration timeout, Supplier<Boolean> condition) {
        try {
            until(what, timeout, condition);
        } catch (AssertionError e) {
            String shown;
            try {
                shown = driver.findElement(By.tagName("body")).getText();
            } catch (RuntimeException unreadable) {
                shown = "(the page could not be read: " + unreadable + ")";
            }
            throw new AssertionError(e.getMessage() + "; the page showed: " + shown.replace('\n', '|'), e);
        }
    }

    /** The text of the element with this id, or empty when it is not on the page. */
    public static String text(WebDriver driver, String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    /** The visible choice button labelled {@code label}, if it is on the page. */
    public static Optional<WebElement> choice(WebDriver driver, String label) {
        return driver.findElements(By.cssSelector("#answer-area .choices button")).stream()
                .filter(b -> label.equals(b.getAttribute("data-label")) && b.isDisplayed() && b.isEnabled()).findFirst();
    }
}
