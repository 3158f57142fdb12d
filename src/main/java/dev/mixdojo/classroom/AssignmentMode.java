package dev.mixdojo.classroom;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How an assignment is taken. The app honours the flags; the assignment file stores only the
 * mode's word, so the flags of a mode cannot drift apart between files.
 */
public enum AssignmentMode {
    /** Homework to learn from: hints, retries, meters and the spectrum are on. */
    PRACTICE("practice", true, true, true, false),
    /** A test: a fixed round of questions, one answer each, no hints, meters or spectrum. */
    EXAM("exam", false, false, false, true);

    private final String key;
    private final boolean hintsShown;
    private final boolean retriesAllowed;
    private final boolean metersAndSpectrumShown;
    private final boolean fixedRounds;

    AssignmentMode(String key, boolean hintsShown, boolean retriesAllowed, boolean metersAndSpectrumShown,
            boolean fixedRounds) {
        this.key = key;
        this.hintsShown = hintsShown;
        this.retriesAllowed = retriesAllowed;
        this.metersAndSpectrumShown = metersAndSpectrumShown;
        this.fixedRounds = fixedRounds;
    }

    /** The word used in assignment files and on the command line. */
    public String key() {
        return key;
    }

    /** Whether the app may show hints while a question is open. */
    public boolean hintsShown() {
        return hintsShown;
    }

    /** Whether a learner may answer a question again after a wrong answer. */
    public boolean retriesAllowed() {
        return retriesAllowed;
    }

    /** Whether level meters and the spectrum are visible while answering. */
    public boolean metersAndSpectrumShown() {
        return metersAndSpectrumShown;
    }

    /** Whether the questions are exactly the plan, with no adaptive extra rounds. */
    public boolean fixedRounds() {
        return fixedRounds;
    }

    /** Every key, for messages. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(AssignmentMode::key).toList();
    }

    /** The mode with the given key. */
    public static Optional<AssignmentMode> ofKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }
}
