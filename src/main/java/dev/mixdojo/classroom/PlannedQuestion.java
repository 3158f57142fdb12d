package dev.mixdojo.classroom;

import java.util.Objects;

/**
 * One question of an assignment's plan: which drill asks it, its place, and the seed that
 * makes it (the drill engine turns the seed into the same question on every computer).
 *
 * @param number        1-based position in the whole plan
 * @param lessonId      the lesson's id
 * @param drillId       the drill's id within the lesson
 * @param area          the lesson's area key
 * @param kind          the drill's question kind
 * @param questionIndex 1-based position within the drill
 * @param questionSeed  the seed of this question
 */
public record PlannedQuestion(int number, String lessonId, String drillId, String area, String kind,
        int questionIndex, long questionSeed) {
    public PlannedQuestion {
        if (number < 1 || questionIndex < 1) {
            throw new IllegalArgumentException("question numbers start at 1, got " + number + " and " + questionIndex);
        }
        Objects.requireNonNull(lessonId, "lessonId");
        Objects.requireNonNull(drillId, "drillId");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(kind, "kind");
    }

    /** The skill the question tests: the lesson's area and the drill's kind, e.g. {@code eq / eq-band}. */
    public String skill() {
        return area + " / " + kind;
    }
}
