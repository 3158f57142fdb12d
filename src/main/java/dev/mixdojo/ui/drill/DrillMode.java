package dev.mixdojo.ui.drill;

/**
 * How a {@link DrillPane} behaves around one question: whether live meters and the spectrum show,
 * whether the grade and its feedback show after answering, whether the learner may hear their
 * answer against the truth, and whether the pane's own Answer and Next buttons show (a projector
 * has its own Reveal and Next). One answer per question in every mode: the feedback names the
 * truth, so a second try would be no test.
 */
public enum DrillMode {
    /** Practice: meters (of the original until the answer), feedback, auditions. */
    PRACTICE(true, true, true, true),
    /** An exam: no meters, no feedback until the teacher releases results. */
    EXAM(false, false, false, true),
    /** A projector in class: no meters (the room guesses by ear); the teacher reveals the truth and moves on. */
    PROJECTOR(false, true, true, false);

    private final boolean showMeters;
    private final boolean showFeedback;
    private final boolean allowAudition;
    private final boolean paneControls;

    DrillMode(boolean showMeters, boolean showFeedback, boolean allowAudition, boolean paneControls) {
        this.showMeters = showMeters;
        this.showFeedback = showFeedback;
        this.allowAudition = allowAudition;
        this.paneControls = paneControls;
    }

    /** Whether live meters and the spectrum show. */
    public boolean showMeters() {
        return showMeters;
    }

    /** Whether the grade and its feedback show after the answer. */
    public boolean showFeedback() {
        return showFeedback;
    }

    /** Whether the learner may hear their answer against the truth. */
    public boolean allowAudition() {
        return allowAudition;
    }

    /** Whether the pane shows its own Answer and Next buttons and its key hints. */
    public boolean paneControls() {
        return paneControls;
    }
}
