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

    /**
     * Not here: a student exam pack's question, whose key stayed on the teacher's computer; the student's answer is
     * handed in and graded there ({@code assignment grade}).
     */
    record ByTeacher() implements Grading {
    }

    /** Grades one answer against a truth the grader holds. */
    @FunctionalInterface
    interface Grader {
        /** The grade of {@code answer}. */
        Grade grade(Answer answer);
    }
}
