package dev.mixdojo.exercise;

/**
 * How a question's answers are graded: by distance in the skill's unit, or by whether the chosen
 * label is the right one (boost or cut, which stem).
 */
public sealed interface Grading {

    /** By the distance from the truth in the skill's unit. */
    record ByValue(NumericGrading numeric) implements Grading {
    }

    /** Right or wrong: the chosen label is the truth's label or not. */
    record ByLabel() implements Grading {
    }

    /**
     * By the kind's own measure, for answers that are curves or several settings (the area between
     * two rides in dB, an EQ's response difference on an ERB scale).
     */
    record ByMeasure(Grader grader) implements Grading {
    }

    /** Grades one answer against a truth the grader holds. */
    @FunctionalInterface
    interface Grader {
        Grade grade(Answer answer);
    }

    /** Grades an answer to a question. */
    static Grade grade(Question question, Answer answer) {
        AnswerKey key = question.key();
        if (question.grading() instanceof ByValue byValue) {
            return byValue.numeric().grade(key.truth(), question.form().valueOf(answer));
        }
        if (question.grading() instanceof ByMeasure byMeasure) {
            return byMeasure.grader().grade(answer);
        }
        if (!(answer instanceof Answer.Chosen chosen)) {
            throw new IllegalArgumentException("this question is answered by choosing");
        }
        String label = chosen.label();
        boolean right = label.equals(key.truthLabel());
        String feedback = right ? "Right: it was " + key.truthLabel() + "."
                : "You said " + label + "; it was " + key.truthLabel() + ".";
        return new Grade(right ? 1 : 0, right, 0, "", feedback);
    }
}
