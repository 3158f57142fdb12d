package dev.mixdojo.classroom;

import dev.mixdojo.exercise.Grade;
import java.util.Objects;

/**
 * One answer in a results file: the planned question, what the learner answered and what was
 * true (as shown on screen), its grade and how long it took. Score and error are kept to six
 * decimals, the precision of the file, so a written and re-read answer is equal to the original.
 *
 * @param question       the question of the plan that was answered
 * @param answer         the learner's answer as text, e.g. {@code 2 kHz}
 * @param truth          the correct answer as text, e.g. {@code 1 kHz}
 * @param grade          the grade (score 0–1, correct, signed error in {@code grade.unit()}, feedback)
 * @param responseTimeMs time from first playback to the answer, in milliseconds, not negative
 */
public record AnsweredQuestion(PlannedQuestion question, String answer, String truth, Grade grade,
        long responseTimeMs) {
    public AnsweredQuestion {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(grade.unit(), "unit");
        Objects.requireNonNull(grade.feedback(), "feedback");
        if (!Double.isFinite(grade.error())) {
            throw new IllegalArgumentException("the error must be a finite number, got " + grade.error());
        }
        if (responseTimeMs < 0) {
            throw new IllegalArgumentException("response time must not be negative, got " + responseTimeMs);
        }
        grade = new Grade(Decimals.round(grade.score()), grade.correct(), Decimals.round(grade.error()), grade.unit(),
                grade.feedback());
    }
}
