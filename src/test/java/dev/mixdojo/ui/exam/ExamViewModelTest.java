package dev.mixdojo.ui.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.classroom.AssignmentMode;
import dev.mixdojo.classroom.ExamAnswers;
import dev.mixdojo.classroom.ExamPack;
import dev.mixdojo.classroom.Gradebook;
import dev.mixdojo.classroom.OpenedPack;
import dev.mixdojo.classroom.StudentQuestion;
import dev.mixdojo.classroom.StudentRow;
import dev.mixdojo.classroom.live.LiveFixtures;
import dev.mixdojo.exercise.Answer;
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
    void aStudentPackInterruptedAfterOneAnswerGoesOnFromTheSecondAndEndsInAnAnswersFile() throws Exception {
        Path work = Files.createDirectories(root.resolve("student-pack"));
        OpenedPack exam = LiveFixtures.octavePack(work.resolve("exam.mixdojo"), AssignmentMode.EXAM, 2);
        Path a = Files.createDirectories(work.resolve("audio")).resolve("a.wav");
        Path b = work.resolve("audio/b.wav");
        AudioFiles.write(a, AudioBuffer.silence(2, 4800, 48_000), SampleEncoding.PCM_24);
        AudioFiles.write(b, AudioBuffer.silence(2, 4800, 48_000), SampleEncoding.PCM_24);
        Path studentPack = work.resolve("exam-students.mixdojo");
        AnswerForm.Choice bands = new AnswerForm.Choice(List.of(new AnswerForm.Option("1 kHz", 1000),
                new AnswerForm.Option("2 kHz", 2000)));
        ExamPack.write(studentPack, exam, List.of(new StudentQuestion(1, "Which band?", bands, "", a, b),
                new StudentQuestion(2, "Which band now?", bands, "", a, b)));
        ExamViewModel first = model(work);
        first.packPathProperty().set(studentPack.toString());
        first.open();
        assertThat(first.stepProperty().get()).isEqualTo(ExamViewModel.Step.READY);
        first.studentProperty().set("Ana Souza");
        first.start();
        DrillPaneModel drill = first.drillProperty().get();
        assertThat(drill.questionProperty().get().gradedHere()).isFalse();
        assertThat(drill.questionProperty().get().prompt()).isEqualTo("Which band?");
        drill.chooseNumber(2);
        assertThat(drill.submit()).isTrue();
        assertThat(drill.submit()).as("no second answer").isFalse();
        assertThat(drill.gradeProperty().get()).as("no grade on the student's side").isEmpty();
        assertThat(drill.truthOption()).isEmpty();

        ExamViewModel again = model(work);
        again.packPathProperty().set(studentPack.toString());
        again.open();
        again.studentProperty().set("Ana Souza");
        again.start();
        assertThat(again.messageProperty().get()).isEqualTo("Welcome back: your 1 answers so far are kept.");
        assertThat(again.progressTextProperty().get()).isEqualTo("Question 2 of 2");
        again.drillProperty().get().chooseNumber(1);
        again.drillProperty().get().submit();
        again.drillProperty().get().next();
        assertThat(again.stepProperty().get()).isEqualTo(ExamViewModel.Step.FINISHED);
        ExamAnswers.Sheet handedIn = ExamAnswers.read(again.resultsFileProperty().get());
        assertThat(handedIn.assignmentSha256()).isEqualTo(exam.sha256());
        assertThat(handedIn.answers()).extracting(ExamAnswers.Given::number, ExamAnswers.Given::answer)
                .containsExactly(tuple(1, new Answer.Chosen("2 kHz")), tuple(2, new Answer.Chosen("1 kHz")));
        try (var files = Files.list(work.resolve("progress"))) {
            assertThat(files.toList()).isEmpty();
        }
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
