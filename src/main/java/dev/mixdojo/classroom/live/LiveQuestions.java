package dev.mixdojo.classroom.live;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.base.AtomicFiles;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.DaemonThreads;
import dev.mixdojo.classroom.AnsweredQuestion;
import dev.mixdojo.classroom.AssignmentQuestions;
import dev.mixdojo.classroom.OpenedPack;
import dev.mixdojo.classroom.PlannedQuestion;
import dev.mixdojo.classroom.StudentQuestion;
import dev.mixdojo.exercise.Answer;
import dev.mixdojo.exercise.ExerciseAudio;
import dev.mixdojo.exercise.Grade;
import dev.mixdojo.exercise.Question;
import dev.mixdojo.exercise.QuestionKinds;
import dev.mixdojo.lesson.LessonLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The questions of a live session (or of an exam's student pack), made on the teacher's computer from the
 * assignment pack: each planned question is generated as a student's MixDojo makes it ({@link AssignmentQuestions}),
 * its two versions are written as 24-bit WAV files into a work folder for the browsers (or the student pack), and
 * its key stays here to grade answers.
 * Questions are made one after another on a thread of their own, from the first, as soon as this is built;
 * {@link #question} gives a future for one. Thread-safe. {@link #close} stops making and deletes the folder.
 */
public final class LiveQuestions implements AutoCloseable {
    private final List<PlannedQuestion> plan;
    private final Path work;
    private final ExecutorService maker = Executors.newSingleThreadExecutor(DaemonThreads.named("live-questions"));
    private final List<CompletableFuture<Made>> made = new ArrayList<>();

    /** A question as made: what students see, and the key (its audio dropped) to grade with. */
    private record Made(StudentQuestion live, PlannedQuestion planned, Question keyed) {
    }

    /**
     * Starts making the questions of {@code pack} from {@code lessons}, writing their audio under
     * {@code work} (created; deleted by {@link #close}). A drill this MixDojo lacks is a BadInputException now.
     */
    public LiveQuestions(OpenedPack pack, LessonLibrary lessons, QuestionKinds kinds, ExerciseAudio audio, Path work) {
        this.plan = pack.assignment().questionPlan();
        this.work = work;
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(work, e);
        }
        AssignmentQuestions source = new AssignmentQuestions(pack.assignment(), lessons, kinds, audio);
        boolean hints = pack.assignment().mode().hintsShown();
        for (PlannedQuestion planned : plan) {
            made.add(CompletableFuture.supplyAsync(() -> make(source, planned, hints), maker));
        }
    }

    /**
     * Starts making the questions of {@code pack} as the constructor does, their audio in a new temporary folder
     * (deleted by {@link #close}); a folder that cannot be made is a BadInputException.
     */
    public static LiveQuestions inTemporaryFolder(OpenedPack pack, LessonLibrary lessons, QuestionKinds kinds,
            ExerciseAudio audio) {
        Path work;
        try {
            work = Files.createTempDirectory("mixdojo-live");
        } catch (IOException e) {
            throw new BadInputException("A temporary folder for the questions' audio could not be made ("
                    + e.getMessage() + ").", e);
        }
        return new LiveQuestions(pack, lessons, kinds, audio, work);
    }

    /** How many questions the plan has. */
    public int size() {
        return plan.size();
    }

    /** The question numbered {@code number} (from 1), when it is made; it fails with the reason it could not be. */
    public CompletableFuture<StudentQuestion> question(int number) {
        return future(number).thenApply(Made::live);
    }

    /** Whether the question numbered {@code number} is made (or failed). */
    public boolean isDone(int number) {
        return future(number).isDone();
    }

    /**
     * Grades {@code answer} to a made question and returns it as the results record it. An answer that does
     * not fit the question's form is an IllegalArgumentException saying why.
     */
    AnsweredQuestion grade(int number, Answer answer, long responseTimeMs) {
        Made question = future(number).join();
        AssignmentQuestions.requireFits(question.keyed().form(), answer);
        Grade grade = question.keyed().grade(answer);
        return AssignmentQuestions.answered(question.planned(), question.keyed(), answer, grade, responseTimeMs);
    }

    /** The truth of a made question: its label and its value in the skill's unit. */
    Truth truth(int number) {
        Question keyed = future(number).join().keyed();
        return new Truth(keyed.key().truthLabel(), keyed.key().truth());
    }

    /** The right answer of a question, as the projector marks it. */
    record Truth(String label, double value) {
    }

    private CompletableFuture<Made> future(int number) {
        if (number < 1 || number > plan.size()) {
            throw new IllegalArgumentException("there is no question " + number + " of " + plan.size());
        }
        return made.get(number - 1);
    }

    private Made make(AssignmentQuestions source, PlannedQuestion planned, boolean hints) {
        Question question = source.question(planned);
        Path a = work.resolve("q" + planned.number() + "-a.wav");
        Path b = work.resolve("q" + planned.number() + "-b.wav");
        AudioBuffer original = question.audio().get("original");
        AudioBuffer processed = question.audio().get("processed");
        if (original == null || processed == null) {
            throw new IllegalStateException("question " + planned.number() + " has no original and processed versions");
        }
        AudioFiles.write(a, original, SampleEncoding.PCM_24);
        AudioFiles.write(b, processed, SampleEncoding.PCM_24);
        Question keyed = new Question(question.lessonId(), question.drillId(), question.kind(), question.skill(),
                question.seed(), question.level(), question.prompt(), question.form(), Map.of(), question.key(),
                question.grading(), Question.Audition.NONE);
        StudentQuestion live = new StudentQuestion(planned.number(), question.prompt(), question.form(),
                hints ? source.hint(planned) : "", a, b);
        return new Made(live, planned, keyed);
    }

    @Override
    public void close() {
        maker.shutdownNow();
        try {
            AtomicFiles.deleteTree(work);
        } catch (IOException e) {
            // Left behind in the temporary folder: disk space only.
        }
    }
}
