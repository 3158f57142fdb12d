package dev.mixdojo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixdojo.classroom.AssignmentMode;
import dev.mixdojo.classroom.Gradebook;
import dev.mixdojo.classroom.OpenedPack;
import dev.mixdojo.classroom.StudentRow;
import dev.mixdojo.classroom.live.LiveFixtures;
import dev.mixdojo.classroom.live.SessionMode;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * A class in a real browser: thirty simulated students (WebSocket clients) and one student in headless Chromium
 * join one session, answer ten questions in the room, and the gradebook shows 31 verified results files with the
 * scores their answers earn; a student who joins late and a page that reloads keep their answers. And one student
 * works at their own pace with their own headphones: the browser decodes both versions and switches A/B.
 */
class LiveClassTest {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int QUESTIONS = 10;
    private static final int SIMULATED = 30;
    /** The simulated student who joins at question 4. */
    private static final int LATE = SIMULATED;
    private static final int LATE_FROM = 4;

    @TempDir
    static Path root;
    static LiveFixtures.Sources sources;

    @BeforeAll
    static void sources() {
        sources = LiveFixtures.Sources.under(root);
    }

    /** Whether simulated student {@code i} (from 1) answers question {@code q} right: a pattern the scores must show. */
    private static boolean right(int i, int q) {
        return (i + q) % 3 != 0;
    }

    @Test
    void thirtyOneStudentsAnswerTenQuestionsInTheRoomAndTheGradebookShowsTheirScores() {
        assumeTrue(Browsers.available(), Browsers.MISSING);
        OpenedPack pack = LiveFixtures.octavePack(root.resolve("room.mixdojo"), AssignmentMode.PRACTICE, QUESTIONS);
        HttpClient http = LiveClients.http();
        try (ServedSession served = ServedSession.start(pack, sources, SessionMode.ROOM,
                ServerLimits.CLASSROOM.withAddressBudget(50, 300), root.resolve("room"))) {
            WebDriver browser = Browsers.chromium(root.resolve("chrome-room"), 420, 860).orElseThrow();
            try {
                LiveClients.Teacher teacher = LiveClients.Teacher.open(http, served.server());
                List<LiveClients.Student> students = new ArrayList<>();
                for (int i = 1; i < LATE; i++) {
                    students.add(LiveClients.Student.join(http, served.base(), served.code(), String.format("Student %02d", i)));
                }
                browser.get(served.server().joinLink());
                browser.findElement(By.id("name")).sendKeys("Browser Ana");
                browser.findElement(By.id("join-button")).click();
                Browsers.until(browser, "the browser joined", WAIT, () -> Browsers.text(browser, "who").equals("Browser Ana"));

                Map<String, Integer> expectedRight = new HashMap<>();
                for (int q = 1; q <= QUESTIONS; q++) {
                    int number = q;
                    teacher.next(number, WAIT);
                    if (number == LATE_FROM) {
                        students.add(LiveClients.Student.join(http, served.base(), served.code(),
                                String.format("Student %02d", LATE)));
                    }
                    for (int i = 1; i <= students.size(); i++) {
                        LiveClients.Student student = students.get(i - 1);
                        boolean ok = right(i, number);
                        student.awaitView("answering", number, WAIT);
                        student.choose(number, ok ? served.truth(number) : served.wrong(number));
                        expectedRight.merge(student.name, ok ? 1 : 0, Integer::sum);
                    }
                    answerInTheBrowser(browser, served.truth(number), number);
                    if (number == 5) {
                        reloadAndFindTheAnswerKept(browser, served.truth(number));
                        LiveClients.Student seventh = students.get(6);
                        seventh.close();
                        int before = seventh.count();
                        seventh.connect();
                        seventh.await(before, m -> m.path("type").asText().equals("view")
                                && m.path("phase").asText().equals("answered"), WAIT);
                    }
                    int inRoom = students.size() + 1;
                    teacher.awaitState(s -> s.path("questionNumber").asInt() == number && s.path("answered").asInt() == inRoom,
                            WAIT);
                    teacher.command("reveal");
                    JsonNode revealed = teacher.awaitState(s -> s.path("questionNumber").asInt() == number
                            && s.path("phase").asText().equals("revealed"), WAIT);
                    assertThat(revealed.path("histogram").path("truth").asText()).isEqualTo(served.truth(number));
                    int total = 0;
                    for (JsonNode bar : revealed.path("histogram").path("bars")) {
                        total += bar.path("count").asInt();
                        if (bar.path("truth").asBoolean()) {
                            assertThat(bar.path("label").asText()).isEqualTo(served.truth(number));
                        }
                    }
                    assertThat(total).as("answers in the histogram of question %d", number).isEqualTo(inRoom);
                    Browsers.until(browser, "the browser shows the truth of question " + number, WAIT,
                            () -> Browsers.text(browser, "outcome-text").contains("the answer is " + served.truth(number)));
                }
                teacher.command("next");
                teacher.awaitState(s -> s.path("phase").asText().equals("ended"), WAIT);

                Gradebook book = Gradebook.read(served.results(), Optional.of(pack));
                assertThat(book.students()).hasSize(SIMULATED + 1);
                assertThat(book.warnings()).isEmpty();
                for (StudentRow row : book.students()) {
                    assertThat(row.flags()).as(row.student()).isEmpty();
                    assertThat(row.counted()).isTrue();
                    assertThat(row.checks()).contains("answers: the plan's questions, and the score adds up");
                    int right = row.student().equals("Browser Ana") ? QUESTIONS : expectedRight.get(row.student());
                    assertThat(row.scorePercent()).as(row.student())
                            .isEqualTo(Math.round(10_000.0 * right / QUESTIONS) / 100.0);
                }
                assertThat(expectedRight.get(String.format("Student %02d", LATE)))
                        .as("the late student's right answers, from question %d on", LATE_FROM)
                        .isEqualTo((int) java.util.stream.IntStream.rangeClosed(LATE_FROM, QUESTIONS).filter(q -> right(LATE, q)).count());
            } finally {
                browser.quit();
            }
        }
    }

    private static void answerInTheBrowser(WebDriver browser, String label, int number) {
        Browsers.until(browser, "question " + number + " in the browser", WAIT,
                () -> Browsers.text(browser, "number").startsWith("Question " + number + " ")
                        && Browsers.choice(browser, label).isPresent());
        Browsers.choice(browser, label).orElseThrow().click();
        browser.findElement(By.id("send")).click();
        Browsers.until(browser, "the browser's answer to question " + number + " recorded", WAIT,
                () -> Browsers.text(browser, "status").contains("Your answer: " + label + "."));
    }

    /** A reload finds the same student, the question answered, with the answer kept by the session. */
    private static void reloadAndFindTheAnswerKept(WebDriver browser, String label) {
        browser.navigate().refresh();
        Browsers.until(browser, "the reloaded page back in the session", WAIT,
                () -> Browsers.text(browser, "who").equals("Browser Ana")
                        && Browsers.text(browser, "status").contains("Your answer: " + label + "."));
        assertThat(browser.findElement(By.id("join")).isDisplayed()).isFalse();
    }

    @Test
    void withOwnHeadphonesTheBrowserDecodesBothVersionsSwitchesThemAndSeesTheTruthOnlyAfterAnswering() {
        assumeTrue(Browsers.available(), Browsers.MISSING);
        OpenedPack pack = LiveFixtures.octavePack(root.resolve("own.mixdojo"), AssignmentMode.PRACTICE, 2);
        try (ServedSession served = ServedSession.start(pack, sources, SessionMode.OWN_HEADPHONES, ServerLimits.CLASSROOM,
                root.resolve("own"))) {
            WebDriver browser = Browsers.chromium(root.resolve("chrome-own"), 420, 860).orElseThrow();
            try {
                browser.get(served.server().joinLink());
                browser.findElement(By.id("name")).sendKeys("Ben");
                browser.findElement(By.id("join-button")).click();
                for (int number = 1; number <= 2; number++) {
                    int q = number;
                    Browsers.until(browser, "question " + q + "'s audio decoded", WAIT,
                            () -> Browsers.text(browser, "number").startsWith("Question " + q + " ")
                                    && browser.findElement(By.id("play")).isEnabled());
                    assertThat(Browsers.text(browser, "outcome-text")).doesNotContain(served.truth(q));
                    JavascriptExecutor js = (JavascriptExecutor) browser;
                    Object sameLength = js.executeScript("const b = state.player.buffers;"
                            + " return b.a.length === b.b.length && b.a.sampleRate === b.b.sampleRate && b.a.length > 0;");
                    assertThat(sameLength).as("both versions decoded, of the same length").isEqualTo(true);
                    browser.findElement(By.id("play")).click();
                    browser.findElement(By.id("ab-b")).click();
                    assertThat(js.executeScript("return state.player.playing && state.player.active")).isEqualTo("b");
                    assertThat(browser.findElement(By.id("ab-b")).getAttribute("class")).contains("on");
                    browser.findElement(By.id("ab-a")).click();
                    assertThat(js.executeScript("return state.player.sources.length")).isEqualTo(2L);
                    Browsers.choice(browser, served.truth(q)).orElseThrow().click();
                    browser.findElement(By.id("send")).click();
                    Browsers.until(browser, "the outcome of question " + q, WAIT,
                            () -> Browsers.text(browser, "outcome-text").contains("the answer is " + served.truth(q)));
                    if (q == 1) {
                        browser.findElement(By.id("next")).click();
                    }
                }
                Browsers.until(browser, "all done", WAIT, () -> Browsers.text(browser, "status").contains("All done"));
            } finally {
                browser.quit();
            }
            Gradebook book = Gradebook.read(served.results(), Optional.of(pack));
            assertThat(book.students()).singleElement().satisfies(row -> {
                assertThat(row.student()).isEqualTo("Ben");
                assertThat(row.scorePercent()).isEqualTo(100.0);
                assertThat(row.flags()).isEmpty();
            });
        }
    }
}
