package dev.mixdojo.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.exercise.AnswerForm;
import dev.mixdojo.exercise.Question;
import dev.mixdojo.ui.drill.DrillPane;
import dev.mixdojo.ui.drill.DrillPaneModel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A new learner's first two days in the whole app, headless, step by step, with what the screen
 * says after each step: Home → Continue → the lesson → every demo version → two rounds of ten
 * questions by keyboard → the round summaries → Home's progress, unlock, goal and streak →
 * Progress's threshold and today's accuracy → the next day (the clock moved on) → the next lesson
 * → the streak grows. Any exception on the JavaFX thread fails it.
 */
@ExtendWith({ApplicationExtension.class, FailOnFxExceptions.class})
class LearnerJourneyTest {
    private static final long WAIT_S = 120;

    @TempDir
    static Path folders;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T09:00:00Z"));
    private AppServices services;

    @Start
    void start(Stage stage) throws IOException {
        // The two pink-noise lessons: the second requires the first.
        services = NoiseLessonsApp.show(stage, folders, folders.resolve("data"), Executors.newFixedThreadPool(2), clock);
    }

    @AfterEach
    void close() {
        NoiseLessonsApp.close(services);
    }

    @Test
    void aNewLearnersFirstTwoDays(FxRobot robot) throws Exception {
        // Day 1. Home: nothing done, the second lesson locked, a goal of 20 questions and no streak.
        Button continueButton = robot.lookup("#home-continue").queryButton();
        waitUntil(() -> continueButton.isVisible());
        assertThat(continueButton.getText()).isEqualTo("Continue: Hearing octave boosts on pink noise (0 % to mastery)");
        assertThat(robot.lookup("#lesson-eq-cuts").query().isDisabled()).isTrue();
        assertThat(text(robot, "#lesson-eq-cuts")).isEqualTo(
                "Hearing cuts, EQ: Locked: master Hearing octave boosts on pink noise first");
        assertThat(label(robot, "#home-today")).isEqualTo("Today: 0 of 20 questions · 0 min practised");
        assertThat(label(robot, "#home-streak")).isEqualTo("Meet your daily goal to start a streak; one missed day is forgiven.");

        // Continue opens the lesson: its text, why it matters, the mastery rule, the demo and the drill.
        robot.clickOn(continueButton);
        waitUntil(() -> robot.lookup("#lesson-title").tryQuery().isPresent());
        assertThat(label(robot, "#lesson-title")).isEqualTo("Hearing octave boosts on pink noise");
        assertThat(robot.lookup(".lesson-paragraph").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(p -> p.startsWith("An equaliser (EQ) makes some frequencies louder or quieter."))
                .anyMatch(p -> p.startsWith("Most of mixing is hearing which frequencies"));
        assertThat(label(robot, "#lesson-standing")).startsWith("To master this lesson, answer a round of each drill "
                + "and bring your level at least halfway from the easiest to the hardest:")
                .contains("• Which octave was boosted?: a round of 10, level 8.5 or finer", "you: 0 answered, level 12.");

        // Every demo version, one after another: the one clicked is the one heard and the only one marked.
        List<ToggleButton> versions = robot.lookup(".demo-versions .toggle-button").queryAllAs(ToggleButton.class)
                .stream().toList();
        assertThat(versions).extracting(ToggleButton::getText)
                .containsExactlyInAnyOrder("Flat", "125 Hz", "500 Hz", "1 kHz", "4 kHz", "8 kHz");
        for (ToggleButton version : List.of(versions.get(1), versions.get(2), versions.get(0), versions.get(3),
                versions.get(4), versions.get(5))) {
            // As a learner does who tabs to the button (it may be below the fold) and presses Space.
            robot.interact(version::requestFocus);
            robot.type(KeyCode.SPACE);
            waitUntil(() -> version.getText().equals(services.audio().engine().activeSource()));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(versions).filteredOn(ToggleButton::isSelected).containsExactly(version);
        }

        // The drill: ten questions by keyboard, all heard right.
        pressByKeyboard(robot, "#lesson-start-octave-boost");
        DrillPaneModel drill = waitForFirstQuestion(robot);
        assertThat(label(robot, "#practice-title")).isEqualTo("Hearing octave boosts on pink noise — Which octave was boosted?");
        assertThat(label(robot, "#practice-level")).isEqualTo("Level 12 (size of the boost or cut in dB)");
        answerRound(robot, drill, "RRRRRRRRRR");
        assertThat(label(robot, "#summary-line-1")).isEqualTo("10 of 10 right · 100% credit.");
        assertThat(label(robot, "#summary-line-2")).startsWith("Level 12 → 6 (size of the boost or cut in dB); "
                + "a threshold after 4 reversals (0 so far).");
        assertThat(label(robot, "#summary-line-3")).isEqualTo("No mix-ups this round.");
        assertThat(label(robot, "#summary-line-4")).isEqualTo(
                "“Hearing octave boosts on pink noise” is mastered. Unlocked: Hearing cuts.");
        assertThat(robot.lookup("#summary-next-step").queryButton().getText()).isEqualTo("Next lesson: Hearing cuts");

        // Home at once: the lesson mastered, the next one open, today's count.
        robot.clickOn("#nav-home");
        waitUntil(() -> !robot.lookup("#lesson-eq-cuts").query().isDisabled());
        assertThat(text(robot, "#lesson-eq-octave-boosts-noise")).isEqualTo(
                "Hearing octave boosts on pink noise, EQ: Mastered · 10 answered · 100 % right");
        assertThat(text(robot, "#lesson-eq-cuts")).startsWith("Hearing cuts, EQ: ");
        assertThat(continueButton.getText()).startsWith("Continue: Hearing cuts (");
        assertThat(label(robot, "#home-today")).startsWith("Today: 10 of 20 questions · ");
        assertThat(label(robot, "#home-streak")).startsWith("Meet your daily goal");

        // Back to Practice for another round, with three slips: the staircase turns and a threshold appears.
        robot.clickOn("#nav-practice");
        waitUntil(() -> robot.lookup("#practice-summary").query().isVisible());
        DrillPaneModel sameDrill = paneModel(robot);
        Question shown = sameDrill.questionProperty().get();
        robot.type(KeyCode.N);
        waitUntil(() -> sameDrill.questionProperty().get() != shown && sameDrill.questionProperty().get() != null);
        assertThat(robot.lookup("#practice-summary").query().isVisible()).isFalse();
        answerRound(robot, sameDrill, "WRRRWRRRWR");
        assertThat(label(robot, "#summary-line-1")).isEqualTo("7 of 10 right · 70% credit.");
        assertThat(label(robot, "#summary-line-2")).contains("your threshold ", "(95% interval ", ", your first.");
        assertThat(label(robot, "#summary-line-3")).startsWith("Mixed up: ");
        assertThat(label(robot, "#summary-line-4")).isEqualTo("“Hearing octave boosts on pink noise” is mastered.");

        // Progress: the threshold as a dot, and today's accuracy (17 of 20) on today's date.
        robot.clickOn("#nav-progress");
        waitUntil(() -> robot.lookup("#threshold-eq-frequency").tryQuery().isPresent());
        assertThat(robot.lookup("#level-eq-frequency").tryQuery()).isEmpty();
        assertThat(text(robot, "#skill-eq-frequency")).startsWith("Which octave was boosted?: 20 answers, 85 % right");
        assertThat(robot.lookup(".line-plot").query().getAccessibleText())
                .isEqualTo("Accuracy per day over 1 day from 2026-12-07; on 2026-12-07: 85 % right");

        // Home: the goal is met, the streak begins.
        robot.clickOn("#nav-home");
        waitUntil(() -> label(robot, "#home-today").endsWith("— goal met"));
        assertThat(label(robot, "#home-today")).startsWith("Today: 20 of 20 questions · ");
        assertThat(label(robot, "#home-streak")).isEqualTo("Streak: 1 day");
        assertThat(text(robot, "#lesson-eq-octave-boosts-noise")).isEqualTo(
                "Hearing octave boosts on pink noise, EQ: Mastered · 20 answered · 85 % right");

        // Day 2: a new day on Home, the streak kept from yesterday.
        clock.advance(Duration.ofDays(1));
        robot.clickOn("#nav-progress");
        robot.clickOn("#nav-home");
        waitUntil(() -> label(robot, "#home-today").startsWith("Today: 0 of 20 questions"));
        assertThat(label(robot, "#home-streak")).isEqualTo("Streak: 1 day");
        assertThat(robot.lookup("#home-week-bars").queryAs(javafx.scene.layout.HBox.class).getChildren())
                .extracting(Node::getAccessibleText)
                .anyMatch(day -> day.startsWith("2026-12-07: 20 questions, ") && day.endsWith(", goal met"))
                .anyMatch(day -> day.startsWith("2026-12-08: 0 questions, ") && !day.endsWith("goal met"));

        // Continue goes to the lesson unlocked yesterday; two rounds of its first drill meet today's goal.
        robot.clickOn(continueButton);
        waitUntil(() -> robot.lookup("#lesson-title").tryQuery().isPresent()
                && label(robot, "#lesson-title").equals("Hearing cuts"));
        assertThat(label(robot, "#lesson-standing")).startsWith("To master this lesson");
        pressByKeyboard(robot, "#lesson-start-boost-or-cut");
        DrillPaneModel cuts = waitForFirstQuestion(robot);
        assertThat(label(robot, "#practice-title")).isEqualTo("Hearing cuts — Boost or cut?");
        answerRound(robot, cuts, "RRRRRRRRRR");
        Question last = cuts.questionProperty().get();
        robot.type(KeyCode.N);
        waitUntil(() -> cuts.questionProperty().get() != last && cuts.questionProperty().get() != null);
        answerRound(robot, cuts, "RRRRRRRRRR");

        robot.clickOn("#nav-home");
        waitUntil(() -> label(robot, "#home-streak").equals("Streak: 2 days"));
        assertThat(label(robot, "#home-today")).startsWith("Today: 20 of 20 questions · ").endsWith("— goal met");
        assertThat(label(robot, "#home-week")).startsWith("This week: 2 of 7 days practised · 40 questions · ")
                .endsWith("goal met on 2 days");
    }

    /**
     * Answers a round by keyboard, one question per letter of {@code pattern} (R right, W wrong):
     * Space plays, Tab switches to B, a digit chooses, Enter answers, and the screen grades it and
     * marks the right choice; N goes on, except after the last, where the round summary shows.
     */
    private static void answerRound(FxRobot robot, DrillPaneModel drill, String pattern) throws Exception {
        Label session = robot.lookup("#practice-session").queryAs(Label.class);
        for (int i = 0; i < pattern.length(); i++) {
            Question question = drill.questionProperty().get();
            waitUntil(() -> !drill.versions().isEmpty());
            List<String> options = ((AnswerForm.Choice) question.form()).options().stream().map(AnswerForm.Option::label).toList();
            int truth = options.indexOf(question.key().truthLabel());
            boolean right = pattern.charAt(i) == 'R';
            // A wrong answer far from the truth, so it earns no partial credit.
            int chosen = right ? truth : (truth < options.size() / 2 ? options.size() - 1 : 0);
            robot.type(KeyCode.SPACE).type(KeyCode.TAB).type(KeyCode.valueOf("DIGIT" + (chosen + 1))).type(KeyCode.ENTER);
            Label feedback = robot.lookup("#drill-feedback").queryAs(Label.class);
            if (right) {
                assertThat(feedback.getText()).endsWith("it was " + question.key().truthLabel() + ".");
            } else {
                assertThat(feedback.getText()).startsWith("You said " + options.get(chosen) + "; it was "
                        + question.key().truthLabel());
            }
            assertThat(feedback.getStyleClass()).contains(right ? "right" : "wrong");
            assertThat(robot.lookup(".choice.truth").queryAs(ToggleButton.class).getText())
                    .contains(question.key().truthLabel()).endsWith("✓");
            int answered = i + 1;
            waitUntil(() -> session.getText().startsWith("This round: " + answered + " answered"));
            if (answered < pattern.length()) {
                robot.type(KeyCode.N);
                waitUntil(() -> drill.questionProperty().get() != question && drill.questionProperty().get() != null);
            }
        }
        waitUntil(() -> robot.lookup("#practice-summary").query().isVisible());
        assertThat(session.getText()).endsWith("— round complete.");
    }

    /** Moves the focus to a button below the fold (as Tab would) and presses it with Space. */
    private static void pressByKeyboard(FxRobot robot, String id) {
        Button button = robot.lookup(id).queryButton();
        robot.interact(button::requestFocus);
        robot.type(KeyCode.SPACE);
    }

    private static DrillPaneModel waitForFirstQuestion(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup(".drill-pane").tryQuery().isPresent()
                && paneModel(robot).questionProperty().get() != null
                && label(robot, "#practice-session").startsWith("A round is "));
        return paneModel(robot);
    }

    private static DrillPaneModel paneModel(FxRobot robot) {
        return robot.lookup(".drill-pane").queryAs(DrillPane.class).model();
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).query().getAccessibleText();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
