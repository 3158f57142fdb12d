package dev.mixdojo.mix;

import dev.mixdojo.analysis.KWeighting;

/**
 * Momentary (400 ms) and short-term (3 s) loudness of a stereo output as it plays (ITU-R BS.1770,
 * EBU R128): K-weighted power summed over both channels in 100 ms steps, the windows the mean of the
 * last 4 or 30 steps, ungated. Audio-thread state; allocation-free after construction.
 */
final class LoudnessWindow {
    private static final double STEP_S = 0.1;
    private static final int MOMENTARY_STEPS = 4;
    private static final int SHORT_TERM_STEPS = 30;

    private final KWeighting weighting;
    private final double[][] weighted;
    private final int stepFrames;
    private final double[] steps = new double[SHORT_TERM_STEPS];
    private int stepsDone;
    private int next;
    private double power;
    private int framesInStep;

    LoudnessWindow(double sampleRateHz, int maxBlockFrames) {
        weighting = new KWeighting(2, sampleRateHz);
        weighted = new double[2][maxBlockFrames];
        stepFrames = (int) Math.round(STEP_S * sampleRateHz);
    }

    /** Adds {@code frames} frames of the two channels of {@code out} from {@code offset}. */
    void add(float[][] out, int offset, int frames) {
        for (int c = 0; c < 2; c++) {
            float[] from = out[c];
            double[] to = weighted[c];
            for (int k = 0; k < frames; k++) {
                to[k] = from[offset + k];
            }
        }
        weighting.process(weighted, frames);
        double[] left = weighted[0];
        double[] right = weighted[1];
        for (int k = 0; k < frames; k++) {
            power += left[k] * left[k] + right[k] * right[k];
            if (++framesInStep == stepFrames) {
                steps[next] = power / stepFrames;
                next = (next + 1) % SHORT_TERM_STEPS;
                stepsDone = Math.min(stepsDone + 1, SHORT_TERM_STEPS);
                power = 0;
                framesInStep = 0;
            }
        }
    }

    /** Back to silence: no steps measured, filters at rest. */
    void reset() {
        weighting.reset();
        stepsDone = 0;
        next = 0;
        power = 0;
        framesInStep = 0;
    }

    /** The mean K-weighted power of the last 400 ms (fewer steps at the start; 0 before the first step). */
    double momentaryPower() {
        return meanOfLast(MOMENTARY_STEPS);
    }

    /** The mean K-weighted power of the last 3 s (fewer steps at the start; 0 before the first step). */
    double shortTermPower() {
        return meanOfLast(SHORT_TERM_STEPS);
    }

    private double meanOfLast(int count) {
        int n = Math.min(count, stepsDone);
        if (n == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 1; i <= n; i++) {
            sum += steps[Math.floorMod(next - i, SHORT_TERM_STEPS)];
        }
        return sum / n;
    }

    /** A K-weighted power as loudness in LUFS (−∞ for silence), BS.1770: −0.691 + 10·log10(power). */
    static double lufs(double power) {
        return power > 0 ? -0.691 + 10 * Math.log10(power) : Double.NEGATIVE_INFINITY;
    }
}
