package dev.mixdojo.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.lesson.Demo;
import dev.mixdojo.lesson.Lesson;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.progress.AttemptLog;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.ProgressStore;
import dev.mixdojo.ui.Teaching;
import dev.mixdojo.ui.TestLessons;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lessons screen's logic on real lessons, without the toolkit: work runs inline, the engine is silent. */
class LessonViewModelTest {
    private static final Executor INLINE = Runnable::run;

    @TempDir
    static Path shared;

    @TempDir
    Path data;

    private static Path lessons;
    private final AudioOutput audio = new AudioOutput(PlaybackEngine.silent("tests have no sound"));
    private final List<String> started = new ArrayList<>();
    private final List<String> challenges = new ArrayList<>();
    private int ownMusicAsked;

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

    private LessonViewModel open(Path lessonFolder) {
        Teaching teaching = teaching(() -> lessonFolder);
        LessonViewModel model = new LessonViewModel(new ProgressStore(teaching, Clock.systemUTC(), INLINE, INLINE), audio, INLINE, INLINE,
                (l, d) -> started.add(l + "/" + d), challenges::add, () -> ownMusicAsked++);
        model.refresh();
        return model;
    }

    @Test
    void paragraphsAreSplitAtBlankLinesAndLineBreaksInsideOneBecomeSpaces() {
        assertThat(LessonViewModel.paragraphs("An EQ boost\nraises a band.\n\n  Cuts lower it.\n \n\nThat is all.\n"))
                .containsExactly("An EQ boost raises a band.", "Cuts lower it.", "That is all.");
    }

    @Test
    void theCurriculumLoadsInOrderAndANewLearnerReadsTheFirstLesson() {
        LessonViewModel model = open(lessons);
        assertThat(model.lessons().stream().map(Lesson::id)).containsExactly("eq-octave-boosts-noise", "eq-cuts");
        assertThat(model.selectedProperty().get().id()).isEqualTo("eq-octave-boosts-noise");
        assertThat(LessonViewModel.paragraphs(model.selectedProperty().get().teach())).hasSizeGreaterThan(2);
    }

    @Test
    void aReturningLearnerReadsTheLessonTheyPractisedLast() {
        AttemptLog.inDataDirectory(data).append(new Attempt("x", Instant.parse("2026-11-24T10:00:00Z"), "eq-cuts",
                "eq.frequency", 15, 1, 5.6, 5.6, "oct", "1 kHz", "1 kHz", true, 1, 3000));
        assertThat(open(lessons).selectedProperty().get().id()).isEqualTo("eq-cuts");
    }

    @Test
    void aDemoPlaysItsVersionsSwitchesBetweenThemAndSweeps() {
        LessonViewModel model = open(lessons);
        Demo demo = model.selectedProperty().get().demos().get(0);
        List<String> labels = demo.versions().stream().map(Demo.Version::label).toList();
        model.play(demo, labels.get(1));
        assertThat(model.demoPlayingProperty().get()).isTrue();
        assertThat(audio.engine().activeSource()).isEqualTo(labels.get(1));
        model.play(demo, labels.get(0));
        assertThat(audio.engine().activeSource()).isEqualTo(labels.get(0));
        assertThat(model.sweepingProperty().get()).isFalse();

        model.sweep(demo);
        for (int step = 1; step <= labels.size(); step++) {
            model.advanceSweep();
            assertThat(model.demoVersionProperty().get()).isEqualTo(labels.get(step % labels.size()));
        }
        model.toggle(demo);
        assertThat(model.demoPlayingProperty().get()).isFalse();
        assertThat(model.sweepingProperty().get()).isFalse();
    }

    @Test
    void aDemoBeingRenderedCanBeLeftAndIsKeptForTheNextPlay() {
        Teaching teaching = teaching(() -> lessons);
        List<Runnable> queued = new ArrayList<>();
        LessonViewModel model = new LessonViewModel(new ProgressStore(teaching, Clock.systemUTC(), INLINE, INLINE), audio,
                queued::add, INLINE, (l, d) -> { }, l -> { }, () -> { });
        model.refresh();
        Demo demo = model.selectedProperty().get().demos().get(0);
        model.play(demo, demo.versions().get(1).label());
        assertThat(model.demoRenderingProperty().get()).isTrue();
        model.cancelDemo();
        assertThat(model.demoRenderingProperty().get()).isFalse();
        queued.remove(0).run();
        assertThat(model.demoPlayingProperty().get()).as("a cancelled demo does not start").isFalse();
        assertThat(model.demoProgressProperty().get()).isEqualTo(0.8);
        model.play(demo, demo.versions().get(1).label());
        assertThat(queued).as("rendered once, kept").isEmpty();
        assertThat(model.demoPlayingProperty().get()).isTrue();
    }

    @Test
    void startingADrillNamesTheLessonAndTheDrill() {
        LessonViewModel model = open(lessons);
        model.startDrill(model.selectedProperty().get().drills().get(0));
        assertThat(started).containsExactly("eq-octave-boosts-noise/octave-boost");
    }

    @Test
    void anEqLessonOffersTheLearnersOwnMusicUnlessItIsLocked() {
        LessonViewModel model = open(lessons);
        assertThat(model.fitsOwnMusic()).as("an octave-boost drill plays on one song").isTrue();
        model.useOwnMusic();
        assertThat(ownMusicAsked).isEqualTo(1);
        model.open("eq-cuts");
        assertThat(model.lockedProperty().get()).isTrue();
        model.useOwnMusic();
        assertThat(ownMusicAsked).isEqualTo(1);
    }

    @Test
    void aNewLearnerReadsTheMasteryRuleAndCannotStartALockedLessonsDrill() {
        LessonViewModel model = open(lessons);
        assertThat(model.lockedProperty().get()).isFalse();
        assertThat(model.standingProperty().get()).isEqualTo("To master this lesson, answer a round of each drill and bring "
                + "your level at least halfway from the easiest to the hardest:\n• Which octave was boosted?: a round of 10, "
                + "level 8.5 or finer (size of the boost or cut in dB); you: 0 answered, level 12.");

        model.open("eq-cuts");
        assertThat(model.lockedProperty().get()).isTrue();
        assertThat(model.standingProperty().get()).startsWith("Locked: master Hearing octave boosts on pink noise first.");
        model.startDrill(model.selectedProperty().get().drills().get(0));
        assertThat(started).isEmpty();
    }

    @Test
    void aBrokenLessonFolderShowsEachProblemWithItsLine() throws IOException {
        Path broken = Files.createDirectories(shared.resolve("broken"));
        Files.writeString(broken.resolve("bad.yaml"), "id: bad\ntitle: Bad\narea: eq\nwhat: 1\n");
        Files.writeString(broken.resolve("curriculum.yaml"), "units:\n  - title: EQ\n    lessons: [bad]\n");
        LessonViewModel model = open(broken);
        assertThat(model.messageProperty().get()).contains("bad.yaml:4:");
        assertThat(model.lessons()).isEmpty();
        assertThat(model.loadingProperty().get()).isFalse();
    }
}
