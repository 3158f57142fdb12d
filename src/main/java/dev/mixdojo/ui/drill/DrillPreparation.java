package dev.mixdojo.ui.drill;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.exercise.ExerciseAudio;
import dev.mixdojo.exercise.OwnMusic;
import dev.mixdojo.exercise.Practice;
import dev.mixdojo.exercise.PracticePlan;
import dev.mixdojo.exercise.Question;
import dev.mixdojo.exercise.QuestionKind;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.lesson.Lesson;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.ui.LearnerRecords;
import dev.mixdojo.ui.Steps;
import dev.mixdojo.ui.Teaching;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * Opens drills, and opens the one the learner will most likely start next ahead of time: after
 * start-up, the first drill of the lesson to continue with is opened in the background (its log
 * replayed, its material rendered into the cache, its first question made), so "Start drill"
 * shows a question at once. An opening made before the log changed is dropped: its staircase
 * would be out of date. Thread-safe.
 */
public final class DrillPreparation {
    /** An opened drill: its practice, first question, title and any warnings about the log. */
    public record Opened(Practice practice, Question first, String title, List<String> warnings) {
    }

    private record Ahead(String lessonId, String drillId, int attempts, CompletableFuture<Opened> opened) {
    }

    private final Teaching teaching;
    private final Clock clock;
    private final LongSupplier seeds;
    private Ahead ahead;

    /** Openings of {@code teaching}'s drills, stamped by {@code clock}, seeded by {@code seeds}. */
    public DrillPreparation(Teaching teaching, Clock clock, LongSupplier seeds) {
        this.teaching = teaching;
        this.clock = clock;
        this.seeds = seeds;
    }

    /**
     * Opens drill {@code drillId} of lesson {@code lessonId}, on the learner's imported song
     * {@code ownMusic} when given (see {@link OwnMusic}): replays the log, loads (rendering the
     * first time) its material and makes its first question, telling {@code steps} as it goes.
     * Blocks for as long as that takes: call it on a worker.
     */
    public static Opened open(Teaching teaching, LessonLibrary library, String lessonId, String drillId,
            Optional<String> ownMusic, Clock clock, LongSupplier seeds, Steps steps) {
        Lesson lesson = library.lesson(lessonId).orElseThrow(() -> new BadInputException(
                "There is no lesson '" + lessonId + "' in the lesson folder."));
        DrillSpec asWritten = lesson.drills().stream().filter(d -> d.id().equals(drillId)).findFirst()
                .orElseThrow(() -> new BadInputException("The lesson '" + lessonId + "' has no drill '" + drillId + "'."));
        DrillSpec drill = ownMusic.map(song -> OwnMusic.onto(asWritten, song)).orElse(asWritten);
        QuestionKind kind = teaching.kinds().kind(drill.kind()).orElseThrow();
        steps.reached(0.05, "Reading your answers");
        Warnings warnings = new Warnings();
        ExerciseAudio audio = teaching.newExerciseAudio();
        Practice practice = Practice.open(lesson.id(), drill, kind, audio, teaching.log(), clock, seeds, warnings);
        String material = drill.material().toString();
        steps.reached(0.1, "Loading " + material);
        audio.multitrack(drill.material(), share -> steps.reached(0.1 + 0.75 * share,
                String.format(Locale.ROOT, "Loading %s (rendered once, then cached): %d %%", material,
                        Math.round(100 * share))));
        steps.reached(0.9, "Making the first question");
        Question first = practice.nextQuestion();
        steps.reached(1, "");
        return new Opened(practice, first, lesson.title() + " — " + drill.title()
                + ownMusic.map(song -> " (on your song " + song + ")").orElse(""), warnings.all());
    }

    /**
     * Starts opening, on {@code executor}, the first drill of the lesson {@code records} say to
     * continue with (replacing an earlier opening ahead); nothing when every lesson is mastered.
     */
    public synchronized void prepareAhead(LearnerRecords records, Executor executor) {
        Optional<PracticePlan.LessonProgress> next = records.plan().continueWith();
        if (next.isEmpty()) {
            return;
        }
        prepareFirstDrillOf(records, next.get().lesson(), executor);
    }

    /**
     * Starts opening, on {@code executor}, the first drill of {@code lesson} (the one the learner is reading:
     * "Start drill" then shows a question at once), unless it is opened ahead already; nothing for a lesson
     * without drills.
     */
    public synchronized void prepareFirstDrillOf(LearnerRecords records, Lesson lesson, Executor executor) {
        if (lesson.drills().isEmpty()) {
            return;
        }
        String drillId = lesson.drills().get(0).id();
        if (ahead != null && ahead.lessonId().equals(lesson.id()) && ahead.drillId().equals(drillId)) {
            return; // opened once per lesson reached, not again after every answer
        }
        prepare(records.library(), lesson.id(), drillId, records.attempts().size(), executor);
    }

    /**
     * Starts opening drill {@code drillId} of lesson {@code lessonId} on {@code executor}, for a log of
     * {@code attempts} attempts (replacing an earlier opening ahead); returns when it is done.
     */
    public synchronized CompletableFuture<Opened> prepare(LessonLibrary library, String lessonId, String drillId, int attempts,
            Executor executor) {
        ahead = new Ahead(lessonId, drillId, attempts, CompletableFuture.supplyAsync(
                () -> open(teaching, library, lessonId, drillId, Optional.empty(), clock, seeds, Steps.NONE), executor));
        return ahead.opened();
    }

    /**
     * The drill opened ahead, if it is this one, it is ready, and the log has {@code attemptsNow}
     * attempts as when it was opened; it is handed over once.
     */
    public synchronized Optional<Opened> take(String lessonId, String drillId, int attemptsNow) {
        Ahead ready = ahead;
        if (ready == null || !ready.lessonId().equals(lessonId) || !ready.drillId().equals(drillId)
                || ready.attempts() != attemptsNow || !ready.opened().isDone() || ready.opened().isCompletedExceptionally()) {
            return Optional.empty();
        }
        ahead = null;
        return Optional.of(ready.opened().join());
    }
}
