package dev.mixdojo.ui.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.exercise.AnswerForm;
import dev.mixdojo.exercise.Practice;
import dev.mixdojo.exercise.Question;
import dev.mixdojo.exercise.RoundSummary;
import dev.mixdojo.lesson.Lesson;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.progress.AttemptLog;
import dev.mixdojo.progress.Staircase;
import dev.mixdojo.progress.StaircaseSettings;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.LearnerRecords;
import dev.mixdojo.ui.ProgressStore;
import dev.mixdojo.ui.Teaching;
import dev.mixdojo.ui.TestLessons;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Practice screen's logic on real lessons and a real log, without the toolkit: work runs inline. */
class DrillScreenModelTest {
    private static final Executor INLINE = Runnable::run;

    @TempDir
    static Path shared;

    @TempDir
    Path data;

    private static Path lessons;
    private final AudioOutput audio = new AudioOutput(PlaybackEngine.silent("tests have no sound"));
    private final AtomicLong seeds = new AtomicLong(500);
    private DrillScreenModel model;
    private ProgressStore store;
    private DrillPreparation preparation;
    private final List<Double> steps = new ArrayList<>();
    private final List<String> opened = new ArrayList<>();

    @BeforeAll
    static void copyLessons() throws IOException {
        lessons = TestLessons.noiseLessons(shared.resolve("lessons"));
    }

    /** The teaching a test opens, its background cache writes finished before the shared cache is deleted. */
    private final List<Teaching> teachings = new ArrayList<>();

    private Teaching teaching(Supplier<Path> lessonFolder) {
        Teaching teaching = new Teaching(new UserDirectories(data, shared.resolve("cache")), lessonFolder);
        teachings.add(teaching);
        return teaching;
    }

    @AfterEach
    void closeAudio() {
        audio.close();
        teachings.forEach(t -> t.finishWrites(Duration.ofSeconds(60)));
    }

    private DrillScreenModel open() {
        Teaching teaching = teaching(() -> lessons);
        store = new ProgressStore(teaching, Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC), INLINE, INLINE);
        preparation = new DrillPreparation(teaching, store.clock(), seeds::incrementAndGet);
        model = new DrillScreenModel(store, preparation, new DrillPaneModel(audio, DrillMode.PRACTICE, INLINE, INLINE), INLINE,
                INLINE, seeds::incrementAndGet, opened::add);
        model.progressProperty().addListener((obs, was, now) -> steps.add(now.doubleValue()));
        return model;
    }

    /** Chooses the right option of the shown question by its digit and answers. */
    private void answerRight() {
        Question question = model.pane().questionProperty().get();
        List<AnswerForm.Option> options = ((AnswerForm.Choice) question.form()).options();
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).label().equals(question.key().truthLabel())) {
                model.pane().chooseNumber(i + 1);
            }
        }
        model.pane().submit();
    }

    @Test
    void aStartedDrillShowsItsFirstQuestionAtTheStartLevelAndLogsEachAnswer() {
        open().start("eq-octave-boosts-noise", "octave-boost");
        assertThat(model.titleProperty().get()).isEqualTo("Hearing octave boosts on pink noise — Which octave was boosted?");
        assertThat(model.levelProperty().get()).isEqualTo("Level 12 (size of the boost or cut in dB)");
        assertThat(model.sessionProperty().get()).isEqualTo("A round is 10 questions.");
        assertThat(model.busyProperty().get()).isFalse();
        Question first = model.pane().questionProperty().get();
        assertThat(first.level()).isEqualTo(12);

        answerRight();
        List<Attempt> logged = AttemptLog.inDataDirectory(data).readAll(new Warnings());
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).correct()).isTrue();
        assertThat(logged.get(0).seed()).isEqualTo(first.seed());
        assertThat(model.sessionProperty().get())
                .isEqualTo("This round: 1 answered: 1 right · 100% credit — 9 to go.");

        model.pane().next();
        Question second = model.pane().questionProperty().get();
        assertThat(second.seed()).isNotEqualTo(first.seed());
        assertThat(second.level()).isEqualTo(12);
    }

    @Test
    void everyAnswerSavedReachesTheProgressStoreThatHomeLessonsAndProgressRead() {
        open();
        store.load();
        model.start("eq-octave-boosts-noise", "octave-boost");
        for (int i = 0; i < 3; i++) {
            answerRight();
            model.pane().next();
        }
        assertThat(store.recordsProperty().get().attempts()).hasSize(3)
                .isEqualTo(AttemptLog.inDataDirectory(data).readAll(new Warnings()));
        assertThat(store.recordsProperty().get().lesson("eq-octave-boosts-noise").orElseThrow().skills())
                .singleElement().satisfies(skill -> {
                    assertThat(skill.answered()).isEqualTo(3);
                    assertThat(skill.level()).as("three right: one step harder").isEqualTo(10);
                });
    }

    @Test
    void aRoundEndsWithItsSummaryAndItsNextStepAndNextStartsAnotherRound() {
        open();
        store.load();
        model.start("eq-octave-boosts-noise", "octave-boost");
        for (int i = 0; i < 10; i++) {
            assertThat(model.summaryProperty().get()).isEmpty();
            answerRight();
            if (i < 9) {
                model.pane().next();
            }
        }
        RoundSummary summary = model.summaryProperty().get().orElseThrow();
        assertThat(summary.mastered()).isTrue();
        assertThat(summary.unlocked()).extracting(Lesson::id).containsExactly("eq-cuts");
        assertThat(DrillScreenModel.describe(summary, model.difficulty())).containsExactly(
                "10 of 10 right · 100% credit.",
                "Level 12 → 6 (size of the boost or cut in dB); a threshold after 4 reversals (0 so far).",
                "No mix-ups this round.",
                "“Hearing octave boosts on pink noise” is mastered. Unlocked: Hearing cuts.");
        assertThat(DrillScreenModel.nextStepLabel(summary.next())).isEqualTo("Next lesson: Hearing cuts");
        assertThat(model.sessionProperty().get()).isEqualTo("This round: 10 answered: 10 right · 100% credit — round complete.");

        model.pane().next();
        assertThat(model.summaryProperty().get()).isEmpty();
        assertThat(model.sessionProperty().get()).isEqualTo("A round is 10 questions.");
        model.takeNextStep();
        assertThat(opened).isEmpty();
    }

    @Test
    void theSummarysNextLessonStepOpensThatLesson() {
        open();
        store.load();
        model.start("eq-octave-boosts-noise", "octave-boost");
        for (int i = 0; i < 10; i++) {
            answerRight();
            if (i < 9) {
                model.pane().next();
            }
        }
        model.takeNextStep();
        assertThat(opened).containsExactly("eq-cuts");
        assertThat(model.summaryProperty().get()).isEmpty();
    }

    @Test
    void openingADrillReportsItsStepsFromStartToFinish() {
        open().start("eq-octave-boosts-noise", "octave-boost");
        assertThat(steps).isSortedAccordingTo(Double::compare).contains(0.05, 0.1, 0.9, 1.0);
        assertThat(model.stepProperty().get()).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aCancelledOpeningIsDroppedAndSaysSo() {
        Teaching teaching = teaching(() -> lessons);
        ProgressStore inline = new ProgressStore(teaching, Clock.systemUTC(), INLINE, INLINE);
        List<Runnable> queued = new ArrayList<>();
        DrillScreenModel slow = new DrillScreenModel(inline, new DrillPreparation(teaching, Clock.systemUTC(), seeds::incrementAndGet),
                new DrillPaneModel(audio, DrillMode.PRACTICE, INLINE, INLINE), queued::add, INLINE, seeds::incrementAndGet,
                opened::add);
        slow.start("eq-octave-boosts-noise", "octave-boost");
        assertThat(slow.busyProperty().get()).isTrue();
        assertThat(slow.stepProperty().get()).isEqualTo("Reading your answers");
        slow.cancel();
        assertThat(slow.busyProperty().get()).isFalse();
        assertThat(slow.messageProperty().get()).startsWith("Stopped opening the drill;");
        queued.remove(0).run();
        assertThat(slow.pane().questionProperty().get()).as("the cancelled opening is not shown").isNull();
    }

    @Test
    void theDrillToContinueWithIsOpenedAheadAndStartsAtOnceUnlessTheLogChanged() throws Exception {
        open();
        store.load();
        preparation.prepareAhead(store.recordsProperty().get(), Runnable::run);
        long until = System.nanoTime() + 60_000_000_000L;
        Optional<DrillPreparation.Opened> ready = Optional.empty();
        while (ready.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(50);
            ready = preparation.take("eq-octave-boosts-noise", "octave-boost", 1); // a log of one attempt: stale
        }
        assertThat(ready).as("opened for an empty log, not for a log of one answer").isEmpty();
        assertThat(preparation.take("eq-octave-boosts-noise", "octave-boost", 0)).isPresent();
        assertThat(preparation.take("eq-octave-boosts-noise", "octave-boost", 0)).as("handed over once").isEmpty();
    }

    @Test
    void theFirstDrillOfTheLessonBeingReadIsOpenedAheadOnceAndStartsAtOnce() throws Exception {
        open();
        store.load();
        LearnerRecords records = store.recordsProperty().get();
        Lesson reading = records.library().lesson("eq-cuts").orElseThrow();
        List<Runnable> queued = new ArrayList<>();
        preparation.prepareFirstDrillOf(records, reading, queued::add);
        preparation.prepareFirstDrillOf(records, reading, queued::add);
        assertThat(queued).as("opened once, not again while it is read").hasSize(1);
        queued.get(0).run();
        String first = reading.drills().get(0).id();
        // Started now, the drill shows the question opened ahead (it is handed over: nothing is left ahead).
        model.start("eq-cuts", first);
        assertThat(model.pane().questionProperty().get()).isNotNull();
        assertThat(preparation.take("eq-cuts", first, 0)).as("the opening ahead was used").isEmpty();
    }

    @Test
    void withNothingChosenItContinuesTheDrillOfTheNewestAttempt() {
        AttemptLog.inDataDirectory(data).append(new Attempt("x", Instant.parse("2026-11-24T10:00:00Z"), "eq-cuts",
                "eq.frequency", 15, 1, 5.6, 5.6, "oct", "1 kHz", "1 kHz", true, 1, 3000));
        open().startSuggested();
        assertThat(model.titleProperty().get()).isEqualTo("Hearing cuts — Which octave was cut?");
        assertThat(model.pane().questionProperty().get().prompt()).isEqualTo("Which octave band was cut?");
    }

    @Test
    void aNewLearnerStartsWithTheCurriculumsFirstDrill() {
        open().startSuggested();
        assertThat(model.titleProperty().get()).startsWith("Hearing octave boosts on pink noise — ");
    }

    @Test
    void anUnknownLessonIsOneSentenceNotACrash() {
        open().start("no-such-lesson", "d1");
        assertThat(model.messageProperty().get()).isEqualTo("There is no lesson 'no-such-lesson' in the lesson folder.");
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.pane().questionProperty().get()).isNull();
    }

    @Test
    void theTallyCountsPartlyRightAnswersAndTheirCredit() {
        Practice.Session session = new Practice.Session(3, 1, 1, 1 + 2 / 3.0);
        assertThat(DrillScreenModel.tally(session)).isEqualTo("This round: 3 answered: 1 right, 1 partly right · 56% credit");
    }

    @Test
    void theLevelLineGivesTheThresholdWithItsInterval() {
        StaircaseSettings settings = StaircaseSettings.linear(12, 15, 1, 1);
        Staircase staircase = new Staircase(settings, 5, 0, 0, Optional.of(true), List.of(4.0, 6.0, 4.0, 6.0, 4.0, 6.0), 40);
        // Mean 5; s = √1.2; standard error √(1.2/6) = 0.447; t(0.975, 5) = 2.571: 5 ± 1.15.
        assertThat(DrillScreenModel.describeLevel(staircase, "size of the boost or cut in dB"))
                .isEqualTo("Level 5 (size of the boost or cut in dB) · your threshold 5 (95% interval 3.85–6.15)");
    }
}
