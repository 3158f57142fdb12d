package dev.mixdojo.ui.drill;

/**
 * How a {@link DrillPane} behaves around one question: whether live meters and the spectrum show
 * (they would give some answers away), whether a wrong answer may be tried again (unlogged),
 * whether the grade and its feedback show after answering, and whether the learner may hear
 * their answer against the truth.
 */
public record DrillMode(boolean showMeters, boolean allowRetry, boolean showFeedback, boolean allowAudition) {
    /** Practice: meters, feedback, retries and auditions. */
    public static final DrillMode PRACTICE = new DrillMode(true, true, true, true);
    /** An exam: no meters, no retries, no feedback until the teacher releases results. */
    public static final DrillMode EXAM = new DrillMode(false, false, false, false);
    /** A projector in class: no meters (the room guesses by ear), feedback once answered, no retries. */
    public static final DrillMode PROJECTOR = new DrillMode(false, false, true, true);
}
