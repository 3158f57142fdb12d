package dev.mixdojo.exercise;

import dev.mixdojo.base.Scale;
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
 * Where a learner stands in the curriculum, from the attempt log: each lesson's progress toward
 * mastery, which lessons are unlocked, the lesson to continue with, and today's practice weighted
 * to the weakest skills. Immutable; pure (no files, no clock).
 *
 * <p>One mastery rule decides completion and unlocking everywhere: a lesson is mastered when, for
 * each skill its drills train, the learner has answered a round of that skill's drills in this
 * lesson (the sum of their {@code questions}) and the skill's staircase (rebuilt from every answer
 * of the skill, on the lesson drill's own staircase, as practice rebuilds it) has then come at
 * least halfway from the easiest to the hardest level, on the staircase's own scale
 * ({@link #MASTERY_WEAKNESS}). A 3-down/1-up staircase only moves harder after three right answers
 * in a row, so the level says how fine the learner's ear is; a round's share of right answers does
 * not (the staircase holds it near 79 %). Mastery, once reached, stays: a bad day later does not
 * lock lessons again. A lesson is unlocked when every lesson it requires is mastered.
 */
public final class PracticePlan {
    /** Attempts per skill that the "lately right" share looks back over. */
    static final int RECENT_ATTEMPTS = 20;
    /** The weakness (0 hardest … 1 easiest, see {@link #weakness}) at or below which a skill's level masters it: halfway. */
    public static final double MASTERY_WEAKNESS = 0.5;

    /**
     * One skill of a lesson on the way to mastery.
     *
     * @param skill        the skill, e.g. {@code eq.frequency}
     * @param drill        the lesson's first drill of the skill (its staircase is the one rebuilt)
     * @param answered     answers of this skill given in this lesson
     * @param roundSize    questions in one round of the lesson's drills of this skill
     * @param level        the staircase's level now, in the drill's unit
     * @param masteryLevel the level that masters it (halfway between easiest and hardest)
     * @param mastered     whether a round was answered and the level then reached the mastery level
     */
    public record SkillProgress(String skill, DrillSpec drill, int answered, int roundSize, double level,
            double masteryLevel, boolean mastered) {
        /**
         * The share of the way to mastery, 0…1: 1 once mastered; before, half for the share of the
         * round answered and half for how far the level has come from the start toward the mastery level.
         */
        public double fractionDone() {
            if (mastered) {
                return 1;
            }
            StaircaseSettings settings = drill.difficulty();
            double fromStart = weakness(settings, settings.startLevel()) - MASTERY_WEAKNESS;
            double levelShare = fromStart <= 0 ? 1
                    : Math.max(0, Math.min(1, (weakness(settings, settings.startLevel()) - weakness(settings, level)) / fromStart));
            return 0.5 * Math.min(1, answered / (double) roundSize) + 0.5 * levelShare;
        }
    }

    /**
     * One lesson's progress.
     *
     * @param lesson   the lesson
     * @param answered questions answered in its drills
     * @param right    answers that counted as right
     * @param unlocked whether every lesson it requires is mastered
     * @param skills   its drills' skills on the way to mastery, in drill order (none for a lesson of mix challenges only)
     */
    public record LessonProgress(Lesson lesson, int answered, int right, boolean unlocked, List<SkillProgress> skills) {
        /** Checks the counts. */
        public LessonProgress {
            if (answered < 0 || right < 0 || right > answered) {
                throw new IllegalArgumentException("counts must satisfy 0 <= right <= answered");
            }
            skills = List.copyOf(skills);
        }

        /** Questions in one round of every drill. */
        public int roundSize() {
            return skills.stream().mapToInt(SkillProgress::roundSize).sum();
        }

        /** Share of the way to mastery, 0…1, the mean over its skills (0 for a lesson of mix challenges only, which the Mixer scores). */
        public double fractionDone() {
            return skills.stream().mapToDouble(SkillProgress::fractionDone).average().orElse(0);
        }

        /** Whether every skill of its drills is mastered; never for a lesson without drills. */
        public boolean finished() {
            return !skills.isEmpty() && skills.stream().allMatch(SkillProgress::mastered);
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
        Map<String, List<Attempt>> bySkill = new HashMap<>();
        for (Attempt attempt : attempts) {
            int[] c = counts.computeIfAbsent(attempt.lessonId(), id -> new int[2]);
            c[0]++;
            c[1] += attempt.correct() ? 1 : 0;
            bySkill.computeIfAbsent(attempt.skill(), s -> new ArrayList<>()).add(attempt);
        }
        Map<String, Boolean> finished = new HashMap<>();
        List<LessonProgress> progress = new ArrayList<>();
        // Curriculum order puts every lesson after what it requires, so one pass settles unlocking.
        for (Lesson lesson : library.lessons()) {
            int[] c = counts.getOrDefault(lesson.id(), new int[2]);
            boolean unlocked = lesson.requires().stream().allMatch(id -> finished.getOrDefault(id, false));
            LessonProgress p = new LessonProgress(lesson, c[0], c[1], unlocked, skills(lesson, kinds, bySkill));
            finished.put(lesson.id(), p.finished());
            progress.add(p);
        }
        Optional<LessonProgress> next = continueWith(progress, attempts);
        return new PracticePlan(progress, next, suggest(progress, next, kinds, attempts, suggestionCount));
    }

    /** Each skill of the lesson's drills, its staircase replayed over every answer of the skill ({@code bySkill}, oldest first). */
    private static List<SkillProgress> skills(Lesson lesson, QuestionKinds kinds, Map<String, List<Attempt>> bySkill) {
        Map<String, DrillSpec> firstDrill = new LinkedHashMap<>();
        Map<String, Integer> roundSize = new HashMap<>();
        for (DrillSpec drill : lesson.drills()) {
            kinds.kind(drill.kind()).map(QuestionKind::skill).ifPresent(skill -> {
                firstDrill.putIfAbsent(skill, drill);
                roundSize.merge(skill, drill.questions(), Integer::sum);
            });
        }
        List<SkillProgress> skills = new ArrayList<>();
        firstDrill.forEach((skill, drill) -> {
            StaircaseSettings settings = drill.difficulty();
            Staircase staircase = Staircase.start(settings);
            int answered = 0;
            boolean mastered = false;
            for (Attempt attempt : bySkill.getOrDefault(skill, List.of())) {
                staircase = staircase.next(attempt.correct());
                answered += attempt.lessonId().equals(lesson.id()) ? 1 : 0;
                mastered |= answered >= roundSize.get(skill) && weakness(settings, staircase.level()) <= MASTERY_WEAKNESS;
            }
            skills.add(new SkillProgress(skill, drill, answered, roundSize.get(skill), staircase.level(),
                    masteryLevel(settings), mastered));
        });
        return skills;
    }

    /** The level that masters a staircase: halfway between its easiest and hardest level, on its own scale. */
    public static double masteryLevel(StaircaseSettings settings) {
        return settings.scale() == Scale.LOGARITHMIC ? Math.sqrt(settings.easiestLevel() * settings.hardestLevel())
                : (settings.easiestLevel() + settings.hardestLevel()) / 2;
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
                    Staircase.format(staircase.level()), meaning, Staircase.format(s.easiestLevel()), Staircase.format(s.hardestLevel()),
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
    public static double weakness(StaircaseSettings settings, double level) {
        double hardest = settings.hardestLevel();
        double easiest = settings.easiestLevel();
        if (settings.scale() == Scale.LOGARITHMIC) {
            hardest = Math.log(hardest);
            easiest = Math.log(easiest);
            level = Math.log(level);
        }
        if (hardest == easiest) {
            return 0;
        }
        return Math.max(0, Math.min(1, (level - hardest) / (easiest - hardest)));
    }

}
