package dev.mixdojo.ui.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.classroom.AssignmentMode;
import dev.mixdojo.classroom.ExamPack;
import dev.mixdojo.classroom.Gradebook;
import dev.mixdojo.classroom.OpenedPack;
import dev.mixdojo.classroom.StudentQuestion;
import dev.mixdojo.classroom.StudentRow;
import dev.mixdojo.classroom.live.LiveFixtures;
import dev.mixdojo.exercise.AnswerForm;
import dev.mixdojo.grading.KnownMix;
import dev.mixdojo.ui.drill.DrillPaneModel;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Taking an assignment without the toolkit: work runs at once on the calling thread. */
class ExamViewModelTest extends WithExamSources {
    private ExamViewModel model(Path work) {
        return new ExamViewModel(audio, Runnable::run, Runnable::run, () -> sources, work.resolve("results"),
                work.resolve("progress"), Clock.systemUTC());
    }

    @Test
    void anExamInterruptedAfterOneAnswerGoesOnFromTheSecondAndEndsInASignedResultsFile() throws Exception {
        Path work = Files.createDirectories(root.resolve("interrupted"));
        OpenedPack pack = ExamFixtures.pack(work.resolve("quiz.mixdojo"), AssignmentMode.EXAM);
        ExamViewModel first = model(work);
        first.packPathProperty().set(pack.file().toString());
        first.open();
        assertThat(first.stepProperty().get()).isEqualTo(ExamViewModel.Step.READY);
        assertThat(first.titleProperty().get()).isEqualTo("EQ quiz");
        assertThat(first.detailsProperty().get()).startsWith("2 questions · exam: one answer each");

        first.studentProperty().set("   ");
        first.start();
        assertThat(first.stepProperty().get()).isEqualTo(ExamViewModel.Step.READY);
        assertThat(first.messageProperty().get()).startsWith("Please type your name");

        first.studentProperty().set("Ana Souza");
        first.start();
        assertThat(first.progressTextProperty().get()).isEqualTo("Question 1 of 2");
        assertThat(first.hintProperty().get()).isEmpty();
        DrillPaneModel drill = first.drillProperty().get();
        assertThat(drill.mode().showFeedback()).isFalse();
        drill.chooseNumber(1);
        assertThat(drill.submit()).isTrue();
        assertThat(drill.submit()).as("no second answer in an exam").isFalse();
        try (var files = Files.list(work.resolve("progress"))) {
            assertThat(files.toList()).hasSize(1);
        }

        // MixDojo stops here; the student opens the same file under the same name.
        ExamViewModel again = model(work);
        again.packPathProperty().set(pack.file().toString());
        again.open();
        again.studentProperty().set("Ana Souza");
        again.start();
        assertThat(again.messageProperty().get()).isEqualTo("Welcome back: your 1 answers so far are kept.");
        assertThat(again.progressTextProperty().get()).isEqualTo("Question 2 of 2");
        again.drillProperty().get().chooseNumber(1);
        again.drillProperty().get().submit();
        again.drillProperty().get().next();
        assertThat(again.stepProperty().get()).isEqualTo(ExamViewModel.Step.FINISHED);
        Path results = again.resultsFileProperty().get();
        assertThat(results).exists().hasParent(work.resolve("results"));
        assertThat(again.messageProperty().get()).doesNotContain("scored").contains(results.toString());
        try (var files = Files.list(work.resolve("progress"))) {
            assertThat(files.toList()).isEmpty();
        }

        Gradebook gradebook = Gradebook.read(work.resolve("results"), Optional.of(pack));
        assertThat(gradebook.students()).hasSize(1);
        StudentRow row = gradebook.students().get(0);
        assertThat(row.student()).isEqualTo("Ana Souza");
        assertThat(row.flags()).isEmpty();
        assertThat(row.scorePercent()).isCloseTo(ExamFixtures.scoreOfAlwaysChoosing(pack, sources, 1), within(1e-9));
    }

    @Test
    void practiceModeShowsTheLessonAsAHintAndMetersAndTellsTheScore() throws Exception {
        Path work = Files.createDirectories(root.resolve("practice"));
        OpenedPack pack = ExamFixtures.pack(work.resolve("quiz.mixdojo"), AssignmentMode.PRACTICE);
        ExamViewModel model = model(work);
        model.packPathProperty().set(pack.file().toString());
        model.open();
        model.studentProperty().set("Ben");
        model.start();
        assertThat(model.hintProperty().get()).isEqualTo("Which octave was boosted? — A boost makes one region of the"
                + " spectrum louder.");
        DrillPaneModel drill = model.drillProperty().get();
        assertThat(drill.mode().showFeedback()).isTrue();
        assertThat(drill.mode().showMeters()).isTrue();
        for (int i = 0; i < 2; i++) {
            drill.chooseNumber(1);
            drill.submit();
            drill.next();
        }
        assertThat(model.stepProperty().get()).isEqualTo(ExamViewModel.Step.FINISHED);
        assertThat(model.messageProperty().get()).startsWith("You scored ");
    }

    @Test
    void anAssignmentWithAHomeworkMixSavesTheStemsAndHandsTheMixInUnderTheTypedName() throws Exception {
        Path work = Files.createDirectories(root.resolve("homework"));
        KnownMix.Delivery delivery = KnownMix.writeBassThreeDecibelsUp(Files.createDirectories(work.resolve("teacher")));
        ExamViewModel model = model(work);
        model.packPathProperty().set(ExamFixtures.pack(work.resolve("plain.mixdojo"), AssignmentMode.EXAM).file().toString());
        model.open();
        assertThat(model.homeworkMixProperty().get()).isFalse();

        OpenedPack pack = ExamFixtures.packWithHomeworkMix(work.resolve("mix.mixdojo"), delivery);
        model.packPathProperty().set(pack.file().toString());
        model.open();
        assertThat(model.homeworkMixProperty().get()).isTrue();

        model.saveMixMaterial(work.resolve("daw"));
        assertThat(model.messageProperty().get()).isEqualTo("The stems are in " + work.resolve("daw").resolve("stems")
                + " and the reference mix is " + work.resolve("daw").resolve("target.wav")
                + ". Mix the stems in any DAW, bounce a WAV and hand it in here.");
        assertThat(work.resolve("daw").resolve("stems").resolve("Bass.wav")).hasSameBinaryContentAs(
                delivery.stemsFolder().resolve("Bass.wav"));

        model.handInMix(delivery.mix());
        assertThat(model.messageProperty().get()).startsWith("Please type your name");
        model.studentProperty().set("Ana Souza");
        model.handInMix(delivery.mix());
        Path handedIn = work.resolve("results").resolve("eq-quiz").resolve("Ana Souza.wav");
        assertThat(model.messageProperty().get()).isEqualTo("Your mix is handed in as " + handedIn
                + ". Give this file to your teacher with your results.");
        assertThat(handedIn).hasSameBinaryContentAs(delivery.mix());
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aFileThatIsNotAnAssignmentIsOneSentence() throws Exception {
        Path work = Files.createDirectories(root.resolve("broken"));
        Path notAPack = Files.writeString(work.resolve("essay.mixdojo"), "not a zip");
        ExamViewModel model = model(work);
        model.packPathProperty().set(notAPack.toString());
        model.open();
        assertThat(model.stepProperty().get()).isEqualTo(ExamViewModel.Step.CHOOSE);
        assertThat(model.messageProperty().get()).startsWith("The assignment pack " + notAPack + " is damaged")
                .doesNotContain("Exception");
    }

    @Test
    void aStudentExamPackIsOneSentenceSayingItCannotBeTakenYet() throws Exception {
        Path work = Files.createDirectories(root.resolve("student-pack"));
        OpenedPack exam = LiveFixtures.octavePack(work.resolve("exam.mixdojo"), AssignmentMode.EXAM, 1);
        Path a = Files.write(work.resolve("a.wav"), new byte[] {1});
        Path b = Files.write(work.resolve("b.wav"), new byte[] {2});
        Path studentPack = work.resolve("exam-students.mixdojo");
        ExamPack.write(studentPack, exam, List.of(new StudentQuestion(1, "Which band?", new AnswerForm.Choice(List.of(
                new AnswerForm.Option("1 kHz", 1000), new AnswerForm.Option("2 kHz", 2000))), "", a, b)));
        ExamViewModel model = model(work);
        model.packPathProperty().set(studentPack.toString());
        model.open();
        assertThat(model.stepProperty().get()).isEqualTo(ExamViewModel.Step.CHOOSE);
        assertThat(model.messageProperty().get()).isEqualTo(studentPack + ": a student exam pack (audio and prompts, no"
                + " answers); this needs the assignment file made by 'assignment create', and MixDojo cannot take a student"
                + " pack yet.");
    }

    /**
     * An assignment opened 50 times keeps one question pane: each earlier pane lets go of the app's
     * audio output (it listened to its engine and kept its question's audio) and is collected.
     */
    @Test
    void anAssignmentOpenedFiftyTimesLeavesNoPaneBehind() throws Exception {
        Path work = Files.createDirectories(root.resolve("again-and-again"));
        OpenedPack pack = ExamFixtures.pack(work.resolve("quiz.mixdojo"), AssignmentMode.PRACTICE);
        ExamViewModel model = model(work);
        model.packPathProperty().set(pack.file().toString());
        model.studentProperty().set("Ana Souza");
        List<WeakReference<DrillPaneModel>> panes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            model.open();
            model.start();
            assertThat(model.drillProperty().get().questionProperty().get()).as("a question is loaded").isNotNull();
            panes.add(new WeakReference<>(model.drillProperty().get()));
        }
        long kept = 0;
        for (int attempt = 0; attempt < 20; attempt++) {
            System.gc();
            kept = panes.subList(0, 49).stream().filter(pane -> pane.get() != null).count();
            if (kept == 0) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(kept).as("earlier panes still reachable").isZero();
        assertThat(panes.get(49).get()).isSameAs(model.drillProperty().get());
    }
}
