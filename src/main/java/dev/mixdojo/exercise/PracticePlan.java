package dev.mixdojo.exercise;

import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.lesson.Lesson;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.progress.SkillStates;
import dev.mixdojo.progress.Staircase;
import dev.mixdojo.progress.StaircaseSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a learner stands in the curriculum, from the attempt log: each lesson's progress, which
 * lessons are unlocked, the lesson to continue with, and today's practice weighted to the weakest
 * skills. Immutable; pure (no files, no clock).
 */
public final class PracticePlan {
    /** Attempts per skill that the "lately right" share looks back over. */
    static final int RECENT_ATTEMPTS = 20;

    /**
     * One lesson's progress.
     *
     * @param lesson    the lesson
     * @param answered  questions answered in its drills
     * @param roundSize questions in one round of every drill (the lesson is finished after one round)
     * @param right     answers that counted as right
     * @param unlocked  whether every lesson it requires is finished
     */
    public record LessonProgress(Lesson lesson, int answered, int roundSize, int right, boolean unlocked) {
        /** Checks the counts. */
        public LessonProgress {
            if (answered < 0 || right < 0 || right > answered || roundSize < 0) {
                throw new IllegalArgumentException("counts must satisfy 0 <= right <= answered, roundSize >= 0");
            }
        }

        /** Share of one round answered, 0…1 (0 for a lesson of mix challenges only, which the Mixer scores). */
        public double fractionDone() {
            return roundSize == 0 ? 0 : Math.min(1, answered / (double) roundSize);
        }

        /** Whether one round of every drill has been answered; never for a lesson without drills. */
        public boolean finished() {
            return roundSize > 0 && answered >= roundSize;
        }

        /** Share of right answers, 0…1, or empty before the first answer. */
        public Optional<Double> accuracy() {
            return answered == 0 ? Optional.empty() : Optional.of(right / (double) answered);
        }
    }

    /**
     * A drill suggested for today.
     *
     * @param lesson   the lesson holding the drill
     * @param drill    the drill
     * @param skill    the skill it trains, e.g. {@code eq.frequency}
     * @param weakness 0 (the staircase is at its hardest level) … 1 (at its easiest); NaN for a new skill
     * @param reason   one sentence on why it was chosen
     */
    public record Suggestion(Lesson lesson, DrillSpec drill, String skill, double weakness, String reason) {
    }

    /** The first drill (in the given lesson order) that trains a skill, with its lesson. */
    public record SkillDrill(Lesson lesson, DrillSpec drill) {
    }

    /**
     * For each skill the lessons train, the first drill that trains it; its staircase settings are
     * the ones the skill's state is rebuilt with. In lesson order.
     */
    public static Map<String, SkillDrill> drillsBySkill(List<Lesson> lessons, QuestionKinds kinds) {
        Map<String, SkillDrill> bySkill = new LinkedHashMap<>();
        for (Lesson lesson : lessons) {
            for (DrillSpec drill : lesson.drills()) {
                kinds.kind(drill.kind()).map(QuestionKind::skill)
                        .ifPresent(skill -> bySkill.putIfAbsent(skill, new SkillDrill(lesson, drill)));
            }
        }
        return bySkill;
    }

    private final List<LessonProgress> lessons;
    private final Optional<LessonProgress> continueWith;
    private final List<Suggestion> suggestions;

    private PracticePlan(List<LessonProgress> lessons, Optional<LessonProgress> continueWith, List<Suggestion> suggestions) {
        this.lessons = List.copyOf(lessons);
        this.continueWith = continueWith;
        this.suggestions = List.copyOf(suggestions);
    }

    /**
     * The plan for a curriculum and an attempt log (oldest first); at most {@code suggestionCount}
     * suggestions, one per skill.
     */
    public static PracticePlan of(LessonLibrary library, QuestionKinds kinds, List<Attempt> attempts, int suggestionCount) {
        Map<String, int[]> counts = new HashMap<>();
        for (Attempt attempt : attempts) {
            int[] c = counts.computeIfAbsent(attempt.lessonId(), id -> new int[2]);
            c[0]++;
            c[1] += attempt.correct() ? 1 : 0;
        }
        Map<String, Boolean> finished = new HashMap<>();
        List<LessonProgress> progress = new ArrayList<>();
        // Curriculum order puts every lesson after what it requires, so one pass settles unlocking.
        for (Lesson lesson : library.lessons()) {
            int[] c = counts.getOrDefault(lesson.id(), new int[2]);
            int roundSize = lesson.drills().stream().mapToInt(DrillSpec::questions).sum();
            boolean unlocked = lesson.requires().stream().allMatch(id -> finished.getOrDefault(id, false));
            LessonProgress p = new LessonProgress(lesson, c[0], roundSize, c[1], unlocked);
            finished.put(lesson.id(), p.finished());
            progress.add(p);
        }
        Optional<LessonProgress> next = continueWith(progress, attempts);
        return new PracticePlan(progress, next, suggest(progress, next, kinds, attempts, suggestionCount));
    }

    /** Every lesson in curriculum order. */
    public List<LessonProgress> lessons() {
        return lessons;
    }

    /**
     * The lesson to continue with: the one practised last if it is unfinished, else the first
     * unlocked unfinished lesson; empty when every lesson is finished.
     */
    public Optional<LessonProgress> continueWith() {
        return continueWith;
    }

    /** Today's practice, weakest skill first. */
    public List<Suggestion> suggestions() {
        return suggestions;
    }

    private static Optional<LessonProgress> continueWith(List<LessonProgress> progress, List<Attempt> attempts) {
        if (!attempts.isEmpty()) {
            String last = attempts.get(attempts.size() - 1).lessonId();
            Optional<LessonProgress> current = progress.stream()
                    .filter(p -> p.lesson().id().equals(last) && p.unlocked() && !p.finished()).findFirst();
            if (current.isPresent()) {
                return current;
            }
        }
        return progress.stream().filter(p -> p.unlocked() && !p.finished()).findFirst();
    }

    /**
     * Ranks the practised skills of unlocked lessons by how far their staircase sits from its
     * hardest level toward its easiest. A 3-down/1-up staircase converges on the level answered
     * 79.4 % right (Levitt 1971), so the level, not the share of right answers, says how fine an
     * ear the learner has; the share only breaks ties. New skills fill the remaining places from
     * the lesson to continue with.
     */
    private static List<Suggestion> suggest(List<LessonProgress> progress, Optional<LessonProgress> next,
            QuestionKinds kinds, List<Attempt> attempts, int count) {
        Map<String, SkillDrill> drillOfSkill = drillsBySkill(
                progress.stream().filter(LessonProgress::unlocked).map(LessonProgress::lesson).toList(), kinds);
        // Only skills an unlocked drill trains are ranked, so only their attempts are replayed.
        List<Attempt> ranked = attempts.stream().filter(a -> drillOfSkill.containsKey(a.skill())).toList();
        SkillStates states = SkillStates.rebuild(ranked, skill -> drillOfSkill.get(skill).drill().difficulty());
        Map<String, List<Attempt>> bySkill = new LinkedHashMap<>();
        ranked.forEach(a -> bySkill.computeIfAbsent(a.skill(), s -> new ArrayList<>()).add(a));

        record Candidate(Suggestion suggestion, double rightShare) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<String, List<Attempt>> entry : bySkill.entrySet()) {
            String skill = entry.getKey();
            Staircase staircase = states.staircase(skill);
            List<Attempt> recent = entry.getValue().subList(Math.max(0, entry.getValue().size() - RECENT_ATTEMPTS),
                    entry.getValue().size());
            double rightShare = recent.stream().filter(Attempt::correct).count() / (double) recent.size();
            double weakness = weakness(staircase.settings(), staircase.level());
            StaircaseSettings s = staircase.settings();
            String meaning = kinds.kind(drillOfSkill.get(skill).drill().kind()).map(QuestionKind::difficulty).orElse(skill);
            String reason = String.format(Locale.ROOT, "Level %s (%s), between %s (easiest) and %s (hardest); %d %% right lately.",
                    number(staircase.level()), meaning, number(s.easiestLevel()), number(s.hardestLevel()),
                    Math.round(100 * rightShare));
            candidates.add(new Candidate(new Suggestion(drillOfSkill.get(skill).lesson(), drillOfSkill.get(skill).drill(), skill,
                    weakness, reason),
                    rightShare));
        }
        candidates.sort(Comparator.comparingDouble((Candidate c) -> -c.suggestion().weakness())
                .thenComparingDouble(Candidate::rightShare));
        List<Suggestion> chosen = new ArrayList<>(candidates.stream().limit(count).map(Candidate::suggestion).toList());
        next.ifPresent(p -> {
            for (DrillSpec drill : p.lesson().drills()) {
                Optional<String> skill = kinds.kind(drill.kind()).map(QuestionKind::skill);
                if (chosen.size() < count && skill.isPresent()
                        && chosen.stream().noneMatch(c -> c.skill().equals(skill.get()))) {
                    chosen.add(new Suggestion(p.lesson(), drill, skill.get(), Double.NaN,
                            "New: the next drill of the lesson you are on."));
                }
            }
        });
        return chosen;
    }

    /**
     * Where {@code level} lies between the hardest (0) and the easiest (1) level, on the
     * staircase's own scale (logarithmic staircases measure it in log units).
     */
    static double weakness(StaircaseSettings settings, double level) {
        double hardest = settings.hardestLevel();
        double easiest = settings.easiestLevel();
        if (settings.logarithmic()) {
            hardest = Math.log(hardest);
            easiest = Math.log(easiest);
            level = Math.log(level);
        }
        if (hardest == easiest) {
            return 0;
        }
        return Math.max(0, Math.min(1, (level - hardest) / (easiest - hardest)));
    }

    private static String number(double value) {
        return Math.abs(value - Math.rint(value)) < 1e-9 ? String.valueOf((long) Math.rint(value))
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
