package dev.mixdojo.exercise;

import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.lesson.Lesson;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.progress.ProgressStatistics;
import dev.mixdojo.progress.Staircase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one round of a drill came to: its score, how the staircase moved (level and threshold with
 * its interval), the round's mix-ups, whether the lesson is now mastered and what that unlocked,
 * and the step to take next. Immutable; pure (made from the plans before and after the round).
 *
 * @param lesson   the lesson practised
 * @param drill    the drill practised
 * @param score    the round's answers: right, partly right and credit
 * @param before   the skill's staircase when the round began
 * @param after    the skill's staircase now
 * @param mixUps   the round's wrong answers by truth and answer (on a free axis, by bins), most frequent first
 * @param mastered whether the lesson is mastered now
 * @param unlocked lessons this round unlocked, in curriculum order
 * @param next     the step to take next
 */
public record RoundSummary(Lesson lesson, DrillSpec drill, Practice.Session score, Staircase before, Staircase after,
        List<MixUp> mixUps, boolean mastered, List<Lesson> unlocked, NextStep next) {

    /** Copies the lists. */
    public RoundSummary {
        mixUps = List.copyOf(mixUps);
        unlocked = List.copyOf(unlocked);
    }

    /** A truth answered as something else, {@code times} times in the round. */
    public record MixUp(String truth, String answer, int times) {
    }

    /** What the summary suggests next. */
    public enum Step {
        /** Another round of this drill: the lesson is not mastered yet. */
        ANOTHER_ROUND,
        /** The next lesson of the curriculum. */
        NEXT_LESSON,
        /** A drill of a weak skill. */
        WEAK_SKILL
    }

    /**
     * The step to take next.
     *
     * @param step   which kind of step
     * @param lesson the lesson to go to (this one for another round)
     * @param drill  the drill to practise, for a weak skill
     */
    public record NextStep(Step step, Lesson lesson, Optional<DrillSpec> drill) {
    }

    /**
     * The summary of a round of {@code drill} in {@code lesson}: {@code round} are its attempts, the
     * plans are the learner's standing before and after them.
     */
    public static RoundSummary of(Lesson lesson, DrillSpec drill, Practice.Session score, Staircase before, Staircase after,
            List<Attempt> round, PracticePlan planBefore, PracticePlan planAfter) {
        boolean mastered = progress(planAfter, lesson).map(PracticePlan.LessonProgress::finished).orElse(false);
        List<Lesson> unlocked = new ArrayList<>();
        for (PracticePlan.LessonProgress now : planAfter.lessons()) {
            if (now.unlocked() && !progress(planBefore, now.lesson()).map(PracticePlan.LessonProgress::unlocked).orElse(false)) {
                unlocked.add(now.lesson());
            }
        }
        NextStep next;
        if (!mastered) {
            next = new NextStep(Step.ANOTHER_ROUND, lesson, Optional.of(drill));
        } else if (planAfter.continueWith().isPresent()) {
            next = new NextStep(Step.NEXT_LESSON, planAfter.continueWith().get().lesson(), Optional.empty());
        } else if (!planAfter.suggestions().isEmpty()) {
            PracticePlan.Suggestion weakest = planAfter.suggestions().get(0);
            next = new NextStep(Step.WEAK_SKILL, weakest.lesson(), Optional.of(weakest.drill()));
        } else {
            next = new NextStep(Step.ANOTHER_ROUND, lesson, Optional.of(drill));
        }
        return new RoundSummary(lesson, drill, score, before, after, mixUps(round), mastered, unlocked, next);
    }

    private static Optional<PracticePlan.LessonProgress> progress(PracticePlan plan, Lesson lesson) {
        return plan.lessons().stream().filter(p -> p.lesson().id().equals(lesson.id())).findFirst();
    }

    /** The wrong answers grouped by truth and answer (neighbouring values together, on a free axis), most first. */
    static List<MixUp> mixUps(List<Attempt> round) {
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        for (Attempt a : ProgressStatistics.onFreeAxisBins(round)) {
            if (!a.correct()) {
                counts.merge(List.of(a.truthLabel(), a.answerLabel()), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .map(e -> new MixUp(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .sorted(Comparator.comparingInt(MixUp::times).reversed())
                .toList();
    }
}
