package dev.mixdojo.progress;

import java.time.Instant;
import java.util.Objects;

/**
 * One answered question, as written to the progress log: which skill at which difficulty, the
 * truth and the answer in the skill's own units, and the grade.
 *
 * @param id            unique id of the attempt (duplicates are dropped when logs are merged)
 * @param at            when the answer was given
 * @param lessonId      lesson the drill belongs to
 * @param skill         skill whose staircase this attempt moves, e.g. {@code eq.frequency}
 * @param level         the staircase variable's value for this question, in the skill's unit
 * @param seed          the question's seed, so it can be rendered again
 * @param truth         the correct value in the skill's unit (e.g. octaves above 20 Hz, dB, pan position)
 * @param answer        the learner's value in the same unit
 * @param unit          the unit of {@code level}, {@code truth} and {@code answer}, e.g. {@code dB}
 * @param truthLabel    the correct choice as shown to the learner (e.g. {@code 1 kHz}, {@code kick}); the
 *                      confusion matrix counts labels
 * @param answerLabel   the learner's choice as shown
 * @param correct       whether the answer counts as right for the staircase
 * @param score         credit from 0 to 1
 * @param responseTimeMs time from first playback to answer
 * @param drillId       the lesson drill it was asked in ("" in logs written before drills were recorded)
 */
public record Attempt(
        String id,
        Instant at,
        String lessonId,
        String skill,
        double level,
        long seed,
        double truth,
        double answer,
        String unit,
        String truthLabel,
        String answerLabel,
        boolean correct,
        double score,
        long responseTimeMs,
        String drillId) {

    /** An attempt whose drill is not recorded. */
    public Attempt(String id, Instant at, String lessonId, String skill, double level, long seed, double truth, double answer,
            String unit, String truthLabel, String answerLabel, boolean correct, double score, long responseTimeMs) {
        this(id, at, lessonId, skill, level, seed, truth, answer, unit, truthLabel, answerLabel, correct, score,
                responseTimeMs, "");
    }

    public Attempt {
        Objects.requireNonNull(drillId, "drillId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(lessonId, "lessonId");
        Objects.requireNonNull(skill, "skill");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(truthLabel, "truthLabel");
        Objects.requireNonNull(answerLabel, "answerLabel");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be between 0 and 1, got " + score);
        }
        if (!Double.isFinite(level) || !Double.isFinite(truth) || !Double.isFinite(answer)) {
            throw new IllegalArgumentException("level, truth and answer must be finite numbers");
        }
        if (responseTimeMs < 0) {
            throw new IllegalArgumentException("response time must not be negative, got " + responseTimeMs);
        }
    }

    /** Signed error of the answer in the skill's unit (positive: the answer was too high). */
    public double signedError() {
        return answer - truth;
    }
}
