package dev.mixdojo.classroom.live;

import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.classroom.Assignment;
import dev.mixdojo.classroom.AssignmentDrill;
import dev.mixdojo.classroom.AssignmentMode;
import dev.mixdojo.classroom.AssignmentPack;
import dev.mixdojo.classroom.ClassroomFixtures;
import dev.mixdojo.classroom.OpenedPack;
import dev.mixdojo.exercise.ExerciseAudio;
import dev.mixdojo.exercise.QuestionKinds;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.material.MaterialLibrary;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Live sessions over the classroom tests' pink-noise octave drill, for the live classroom's tests and benchmark. */
public final class LiveFixtures {
    private LiveFixtures() {
    }

    /** The lessons and kinds the questions are made from, and their exercise audio (material cached under {@code root}). */
    public record Sources(LessonLibrary lessons, QuestionKinds kinds, Path root) {
        /** Loads ClassroomFixtures' two lessons, written under {@code root}. */
        public static Sources under(Path root) {
            QuestionKinds kinds = new QuestionKinds();
            Problems problems = new Problems();
            LessonLibrary lessons = LessonLibrary.load(ClassroomFixtures.lessonFolder(root.resolve("lessons")),
                    kinds.checks(audio(root)), problems).orElseThrow();
            problems.throwIfAny();
            return new Sources(lessons, kinds, root);
        }

        /**
         * Exercise audio of its own for each caller: it is not thread-safe, and every session makes its questions on a
         * thread of its own while a test works out the truths on another. All share the render cache under root.
         */
        public ExerciseAudio audio() {
            return audio(root);
        }

        private static ExerciseAudio audio(Path root) {
            return new ExerciseAudio(new MaterialLibrary(MaterialLibrary.locateBuiltIns(), root.resolve("data/materials"),
                    root.resolve("cache")));
        }
    }

    /** A pack of {@code questions} octave-band questions (eight choices each) in {@code mode}, written to {@code file}. */
    public static OpenedPack octavePack(Path file, AssignmentMode mode, int questions) {
        Assignment assignment = Assignment.create("live-quiz", "Octave boosts, live", List.of(
                new AssignmentDrill("eq-octaves", "octave", "eq", "eq-band")), questions, 2026, mode, 50, Optional.empty(),
                new SecureRandom());
        AssignmentPack.write(file, assignment, List.of());
        return AssignmentPack.open(file);
    }

    /** A session of {@code pack} in {@code mode}, keeping results in {@code results}, its audio under {@code work}. */
    public static LiveSession session(OpenedPack pack, Sources sources, SessionMode mode, Path results, Path work) {
        LiveQuestions questions = new LiveQuestions(pack, sources.lessons(), sources.kinds(), sources.audio(), work);
        return new LiveSession(pack, questions, mode, results, Clock.systemUTC(), new SecureRandom());
    }

    /** Waits up to {@code timeout} for {@code condition}; false when it never held. */
    public static boolean await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
