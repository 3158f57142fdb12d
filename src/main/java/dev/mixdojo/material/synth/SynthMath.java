package dev.mixdojo.material.synth;

/**
 * Deterministic maths for synthesis: a sine table, PolyBLEP step correction, a soft clipper and
 * pitch/level conversions. Uses {@link StrictMath} so the same seed renders the same bits on any
 * JVM; stateless and thread-safe.
 */
public final class SynthMath {
    /** The rate every built-in song renders at, in Hz. */
    public static final int SAMPLE_RATE_HZ = 48_000;

    private static final int TABLE_SIZE = 4096;
    private static final float[] SINE = new float[TABLE_SIZE + 1];

    private static final int EXP2_SIZE = 2048;
    private static final double[] EXP2 = new double[EXP2_SIZE + 1];

    static {
        for (int i = 0; i <= TABLE_SIZE; i++) {
            SINE[i] = (float) StrictMath.sin(2 * StrictMath.PI * i / TABLE_SIZE);
        }
        for (int i = 0; i <= EXP2_SIZE; i++) {
            EXP2[i] = StrictMath.pow(2.0, i / (double) EXP2_SIZE);
        }
    }

    private SynthMath() {
    }

    /** sin(2π·phase) for a phase in cycles, 0 ≤ phase < 1; linear interpolation, error below 1e-6. */
    public static double sine(double phase) {
        double index = phase * TABLE_SIZE;
        int i = (int) index;
        double fraction = index - i;
        i &= TABLE_SIZE - 1;
        return SINE[i] + fraction * (SINE[i + 1] - SINE[i]);
    }

    /** Wraps a phase in cycles into 0 ≤ phase < 1 (floor is exact, so Math's is as deterministic as StrictMath's). */
    public static double wrap(double phase) {
        return phase - Math.floor(phase);
    }

    /**
     * The PolyBLEP correction (Välimäki & Huovilainen 2007) for a unit step at phase 0 of a
     * phase accumulator advancing by {@code increment} cycles per sample; subtract it from a
     * naive saw to band-limit the reset.
     */
    public static double polyBlep(double phase, double increment) {
        if (phase < increment) {
            double t = phase / increment;
            return t + t - t * t - 1;
        }
        if (phase > 1 - increment) {
            double t = (phase - 1) / increment;
            return t * t + t + t + 1;
        }
        return 0;
    }

    /** A band-limited saw, -1…1, for a phase in cycles advancing by {@code increment} per sample. */
    public static double saw(double phase, double increment) {
        return 2 * phase - 1 - polyBlep(phase, increment);
    }

    /** A band-limited square, -1…1 (two PolyBLEP-corrected steps). */
    public static double square(double phase, double increment) {
        double naive = phase < 0.5 ? 1 : -1;
        double shifted = phase + 0.5;
        if (shifted >= 1) {
            shifted -= 1;
        }
        return naive + polyBlep(phase, increment) - polyBlep(shifted, increment);
    }

    /** A smooth saturating curve close to tanh (a (3,2) Padé approximant, clamped at ±1). */
    public static double softClip(double x) {
        if (x >= 3) {
            return 1;
        }
        if (x <= -3) {
            return -1;
        }
        double x2 = x * x;
        return x * (27 + x2) / (27 + 9 * x2);
    }

    /** The frequency in Hz of a MIDI note number (69 = A4 = 440 Hz; fractions are cents/100). */
    public static double midiToHz(double midiNote) {
        return 440.0 * exp2((midiNote - 69.0) / 12.0);
    }

    /** 2^x from a table (relative error below 2e-8), fast enough to call every sample. */
    public static double exp2(double x) {
        double whole = Math.floor(x);
        double index = (x - whole) * EXP2_SIZE;
        int i = (int) index;
        double fraction = index - i;
        return Math.scalb(EXP2[i] + fraction * (EXP2[i + 1] - EXP2[i]), (int) whole);
    }

    /** Linear gain for a level in dB. */
    public static double dbToGain(double gainDb) {
        return StrictMath.pow(10.0, gainDb / 20.0);
    }

    /** The per-sample multiplier of an exponential decay falling by 1/e every {@code timeS} seconds. */
    public static double decayPerSample(double timeS) {
        return StrictMath.exp(-1.0 / (timeS * SAMPLE_RATE_HZ));
    }

    /** Seconds to frames at the synthesis rate, rounded. */
    public static int frames(double seconds) {
        return (int) StrictMath.round(seconds * SAMPLE_RATE_HZ);
    }
}
