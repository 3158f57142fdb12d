package dev.mixdojo.material.synth;

import java.util.SplittableRandom;

/**
 * White and pink noise from a seeded generator; the same seed gives the same samples. Pink uses
 * Paul Kellet's refined filter (music-dsp archive, "pink noise filter", accurate to ±0.05 dB
 * above 9.2 Hz at 44.1 kHz). Not thread-safe.
 */
public final class Noise {
    private final SplittableRandom random;
    private double b0;
    private double b1;
    private double b2;
    private double b3;
    private double b4;
    private double b5;
    private double b6;

    /** Noise from the given seed. */
    public Noise(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A uniform white sample, -1 ≤ x < 1 (RMS 1/√3). */
    public double white() {
        return random.nextDouble() * 2 - 1;
    }

    /** A pink sample (-3 dB per octave), RMS about 0.25 for unit white input scaling. */
    public double pink() {
        double white = white();
        b0 = 0.99886 * b0 + white * 0.0555179;
        b1 = 0.99332 * b1 + white * 0.0750759;
        b2 = 0.96900 * b2 + white * 0.1538520;
        b3 = 0.86650 * b3 + white * 0.3104856;
        b4 = 0.55000 * b4 + white * 0.5329522;
        b5 = -0.7616 * b5 - white * 0.0168980;
        double pink = b0 + b1 + b2 + b3 + b4 + b5 + b6 + white * 0.5362;
        b6 = white * 0.115926;
        return pink * 0.11;
    }

    /** A uniform number in 0 ≤ u < 1 from the same stream. */
    public double uniform() {
        return random.nextDouble();
    }
}
