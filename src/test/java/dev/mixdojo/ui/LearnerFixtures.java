package dev.mixdojo.ui;

import dev.mixdojo.progress.Attempt;
import java.time.Instant;

/** Attempts for UI tests, on the real curriculum's lessons and skills. */
public final class LearnerFixtures {
    private LearnerFixtures() {
    }

    /** An octave-band answer in {@code lesson} ({@code eq.frequency}), {@code minutes} after a fixed start. */
    public static Attempt octave(String id, String lesson, String truthLabel, double truthOct, String answerLabel,
            double answerOct, int minutes) {
        boolean right = truthLabel.equals(answerLabel);
        return new Attempt(id, Instant.parse("2026-11-20T10:00:00Z").plusSeconds(60L * minutes), lesson, "eq.frequency",
                12, minutes, truthOct, answerOct, "oct", truthLabel, answerLabel, right, right ? 1 : 0.5, 2500);
    }
}
