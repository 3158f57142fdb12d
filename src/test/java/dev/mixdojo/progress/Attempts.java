package dev.mixdojo.progress;

import java.time.Instant;

/** Test attempts with plausible values. */
final class Attempts {
    private Attempts() {
    }

    static Attempt of(String id, String skill, double level, boolean correct) {
        return new Attempt(id, Instant.parse("2026-11-20T10:00:00Z"), "eq-octaves-noise", skill, level, 42L,
                3.0, correct ? 3.0 : 4.0, "oct", "1 kHz", correct ? "1 kHz" : "2 kHz", correct, correct ? 1.0 : 0.4, 2500);
    }
}
