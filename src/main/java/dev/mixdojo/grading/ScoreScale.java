package dev.mixdojo.grading;

import java.util.List;

/**
 * The mix score: 100 at the target, falling as the perceptual distance from it grows. Each reported difference
 * contributes its distance beyond the just-noticeable difference, in JNDs, x = max(0, |error|/JND − 1); the
 * distance D = √(Σ x²) adds them as independent errors add; the score is 100 / (1 + (D / {@value #HALF_DISTANCE})^{@value
 * #STEEPNESS}). Monotone in every error; nothing within a JND costs anything; one error 1.5 JND off costs 3 points,
 * one 3 JND off 14, a fader 4 dB off 21; the example of issue 17 (+3 dB and −4 dB on two faders, a pan moved by 0.5, a 6 dB bell left
 * out) is at D ≈ 9, half marks; doubling those errors scores 24; only mixes far from the target (D ≳ 100) go under 5.
 * Pure.
 */
public final class ScoreScale {
    /** The distance (in JNDs beyond the JND) that scores 50. */
    public static final double HALF_DISTANCE = 9;
    /** How steeply the score falls around the half distance. */
    public static final double STEEPNESS = 1.2;

    private ScoreScale() {
    }

    /** How far beyond its JND an error is, in JNDs (0 within the JND). */
    public static double excess(double error, double jnd) {
        return Math.max(0, Math.abs(error) / jnd - 1);
    }

    /** The distance √(Σ x²) of the given excesses. */
    public static double distance(List<Double> excesses) {
        return Math.sqrt(excesses.stream().mapToDouble(x -> x * x).sum());
    }

    /** The score 0…100 (unrounded) at a distance. */
    public static double score(double distance) {
        return 100 / (1 + Math.pow(distance / HALF_DISTANCE, STEEPNESS));
    }
}
