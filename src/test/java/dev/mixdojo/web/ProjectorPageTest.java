package dev.mixdojo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mixdojo.classroom.AssignmentMode;
import dev.mixdojo.classroom.OpenedPack;
import dev.mixdojo.classroom.live.LiveFixtures;
import dev.mixdojo.classroom.live.SessionMode;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * The projector page in headless Chromium, as the room reads it: the join address breaks across lines only after a
 * separator, never inside a number, however narrow the window. With {@code -Dmixdojo.screenshots=DIR} it also draws
 * docs/screenshots/live-projector-join.png into DIR.
 */
class ProjectorPageTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> NAMES = List.of("Ana", "Ben", "Chloé", "Dev", "Emi", "Finn", "Grace", "Hugo",
            "Ines", "Jon", "Kai", "Lena", "Malik", "Noor", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tomás", "Uma", "Vik");
    /** The numbers of the join address that span more than one line, in the page as laid out now. */
    private static final String BROKEN_NUMBERS = """
            const broken = [];
            const walker = document.createTreeWalker(document.getElementById("join-address"), NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              for (const m of node.data.matchAll(/[0-9]+/g)) {
                const range = document.createRange();
                range.setStart(node, m.index);
                range.setEnd(node, m.index + m[0].length);
                const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
                if (tops.size > 1) {
                  broken.push(m[0]);
                }
              }
            }
            return broken;""";

    @TempDir
    static Path root;

    @Test
    void theJoinAddressBreaksOnlyAtSeparatorsNeverInsideANumber() throws Exception {
        assumeTrue(Browsers.available(), Browsers.MISSING);
        LiveFixtures.Sources sources = LiveFixtures.Sources.under(root);
        OpenedPack pack = LiveFixtures.octavePack(root.resolve("room.mixdojo"), AssignmentMode.PRACTICE, 1);
        HttpClient http = LiveClients.http();
        try (ServedSession served = ServedSession.start(pack, sources, SessionMode.ROOM,
                ServerLimits.CLASSROOM.withAddressBudget(50, 300), root.resolve("room"))) {
            for (String name : NAMES) {
                LiveClients.Student.join(http, served.base(), served.code(), name);
            }
            WebDriver browser = Browsers.chromium(root.resolve("chrome"), 1280, 800).orElseThrow();
            try {
                browser.get(served.server().projectorAddress());
                Browsers.until(browser, "the projector page with everyone connected", WAIT,
                        () -> Browsers.text(browser, "connected").equals(Integer.toString(NAMES.size())));
                JavascriptExecutor js = (JavascriptExecutor) browser;
                assertThat(js.executeScript("return document.getElementById('join-address').textContent"))
                        .isEqualTo(served.base());
                for (int widthPx : new int[] {1280, 800, 560}) {
                    browser.manage().window().setSize(new Dimension(widthPx, 720));
                    assertThat((List<?>) js.executeScript(BROKEN_NUMBERS)).as("numbers broken at %d px", widthPx).isEmpty();
                    if (widthPx == 560) {
                        Object lines = js.executeScript("const e = document.getElementById('join-address');"
                                + " return e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight"
                                + " === 'normal' ? 1.2 * parseFloat(getComputedStyle(e).fontSize)"
                                + " : getComputedStyle(e).lineHeight);");
                        assertThat(((Number) lines).doubleValue()).as("lines of the address in a narrow window")
                                .isGreaterThan(1.5);
                    }
                }
                String folder = System.getProperty("mixdojo.screenshots");
                if (folder != null) {
                    browser.manage().window().setSize(new Dimension(1280, 800));
                    Files.write(Path.of(folder).resolve("live-projector-join.png"),
                            ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                }
            } finally {
                browser.quit();
            }
        }
    }
}
