package dev.mixdojo.ui;

import dev.mixdojo.exercise.PracticePlan;
import dev.mixdojo.exercise.QuestionKinds;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.progress.Attempt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The learner's curriculum and answers at one moment, with what follows from them: every lesson's
 * progress toward mastery, the locks, where to continue and today's practice ({@link PracticePlan}).
 * Immutable; {@link ProgressStore} replaces it when an attempt is saved.
 *
 * @param library  the checked lessons and curriculum
 * @param attempts every readable attempt of the progress log, oldest first
 * @param warnings sentences about damaged log lines that were skipped
 * @param plan     the plan derived from the two
 */
public record LearnerRecords(LessonLibrary library, List<Attempt> attempts, List<String> warnings, PracticePlan plan) {
    /** Suggestions shown for today. */
    public static final int SUGGESTIONS = 3;

    /** Copies the lists. */
    public LearnerRecords {
        attempts = List.copyOf(attempts);
        warnings = List.copyOf(warnings);
    }

    /** The records of these lessons and attempts, with their plan. */
    public static LearnerRecords of(LessonLibrary library, List<Attempt> attempts, List<String> warnings) {
        return new LearnerRecords(library, attempts, warnings,
                PracticePlan.of(library, new QuestionKinds(), attempts, SUGGESTIONS));
    }

    /** The records after one more saved attempt. */
    public LearnerRecords with(Attempt saved) {
        List<Attempt> more = new ArrayList<>(attempts);
        more.add(saved);
        return of(library, more, warnings);
    }

    /** The progress of one lesson, if the curriculum has it. */
    public Optional<PracticePlan.LessonProgress> lesson(String lessonId) {
        return plan.lessons().stream().filter(p -> p.lesson().id().equals(lessonId)).findFirst();
    }

    /** The newest attempt, if any. */
    public Optional<Attempt> last() {
        return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.get(attempts.size() - 1));
    }
}
