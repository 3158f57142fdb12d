package dev.mixdojo.dsp.tone;

/**
 * 4× polyphase FIR interpolator and decimator for one channel, sharing one linear-phase low-pass:
 * 161 taps at 4·fs (Kaiser window, β = 10, about 100 dB stop band; Kaiser's design formula),
 * cutoff fs/2, so at 48 kHz the pass band is flat to 20 kHz and images and aliases from 28 kHz
 * up are removed. Up then down delays by exactly {@link #LATENCY_FRAMES} input samples.
 *
 * <p>Works a block at a time: each filter tap is one pass over the block ({@code out[j] += h·x[j − k]}),
 * a loop the JIT turns into vector instructions, where a sample at a time it could not (the sum
 * over the taps runs in order). Each output is still summed over the taps in the same order, so the
 * result is the same to the bit as one sample at a time. Allocation-free after construction; one thread.
 */
final class Oversampler {
    /** Oversampling factor. */
    static final int FACTOR = 4;
    private static final int TAPS = 161;
    private static final int PER_PHASE = (TAPS + FACTOR - 1) / FACTOR; // 41
    private static final double KAISER_BETA = 10.0;
    /** Round-trip delay in input samples: (TAPS − 1)/FACTOR. */
    static final int LATENCY_FRAMES = (TAPS - 1) / FACTOR;

    private static final double[] KERNEL = design();
    private static final double[][] PHASES = designPhases();

    /** Taps summed per pass over the block. */
    private static final int GROUP = 4;
    /** Frames of history each stream keeps: the longest reach back of either filter. */
    private static final int HISTORY = PER_PHASE - 1; // 40

    /** The last {@link #HISTORY} inputs, then the block's inputs. */
    private final double[] input;
    /**
     * The high-rate signal as {@link #FACTOR} phases, high-rate sample 4j + p at {@code phases[p][HISTORY + j]}
     * for the block's input j, after the phase's last {@link #HISTORY} samples of earlier blocks.
     */
    private final double[][] phases = new double[FACTOR][];

    /** An oversampler for blocks of at most {@code capacity} input frames. */
    Oversampler(int capacity) {
        input = new double[HISTORY + capacity];
        for (int p = 0; p < FACTOR; p++) {
            phases[p] = new double[HISTORY + capacity];
        }
    }

    private static double[] design() {
        double[] h = new double[TAPS];
        double centre = (TAPS - 1) / 2.0;
        double cutoff = 0.5 / FACTOR; // cycles per high-rate sample
        double sum = 0;
        for (int n = 0; n < TAPS; n++) {
            double t = n - centre;
            double sinc = t == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * t) / (Math.PI * t);
            double ratio = t / centre;
            double window = besselI0(KAISER_BETA * Math.sqrt(1 - ratio * ratio)) / besselI0(KAISER_BETA);
            h[n] = sinc * window;
            sum += h[n];
        }
        for (int n = 0; n < TAPS; n++) {
            h[n] /= sum; // unity gain at DC
        }
        return h;
    }

    private static double[][] designPhases() {
        double[][] p = new double[FACTOR][PER_PHASE];
        for (int n = 0; n < TAPS; n++) {
            p[n % FACTOR][n / FACTOR] = KERNEL[n] * FACTOR; // ×FACTOR restores the level lost to zero-stuffing
        }
        return p;
    }

    /** Modified Bessel function of the first kind, order 0 (power series). */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double half = x / 2;
        for (int k = 1; k < 50; k++) {
            term *= (half / k) * (half / k);
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return sum;
    }

    void reset() {
        java.util.Arrays.fill(input, 0);
        for (double[] phase : phases) {
            java.util.Arrays.fill(phase, 0);
        }
    }

    /** Where to write the block's input samples: indices {@link #HISTORY} … {@link #HISTORY} + n − 1. */
    double[] input() {
        return input;
    }

    /** Index of the block's first sample in {@link #input()} and in each of {@link #phases()}. */
    static int first() {
        return HISTORY;
    }

    /** The high-rate block as {@link #FACTOR} phase arrays (see the field), for the curve to change in place. */
    double[][] phases() {
        return phases;
    }

    /**
     * Interpolates the n input samples in {@link #input()} into the {@link #FACTOR} phases:
     * phase p of input j is Σ_k h_p[k]·x[j − k].
     */
    void up(int n) {
        for (int p = 0; p < FACTOR; p++) {
            double[] h = PHASES[p];
            double[] out = phases[p];
            java.util.Arrays.fill(out, HISTORY, HISTORY + n, 0);
            int k = 0;
            for (; k + GROUP <= PER_PHASE; k += GROUP) {
                multiplyAdd(h[k], input, HISTORY - k, h[k + 1], input, HISTORY - k - 1, h[k + 2], input, HISTORY - k - 2,
                        h[k + 3], input, HISTORY - k - 3, out, HISTORY, n);
            }
            for (; k < PER_PHASE; k++) {
                multiplyAdd(h[k], input, HISTORY - k, out, HISTORY, n);
            }
        }
    }

    /**
     * Decimates the high-rate block into n output samples, each taken at the first high-rate sample
     * of its input frame (so the round trip delays by a whole number of input samples):
     * y[j] = Σ_k h[k]·H(4j − k), where H(4s − q) is phase 4 − q of frame s − 1 for q = 1…3.
     * Then keeps the last {@link #HISTORY} frames of input and phases for the next block.
     */
    void down(int n, double[] out) {
        java.util.Arrays.fill(out, 0, n, 0);
        // Taps 4m … 4m + 3 read phase 0 of frame j − m, then phases 3, 2, 1 of frame j − m − 1.
        int m = 0;
        for (; FACTOR * m + 3 < TAPS; m++) {
            int k = FACTOR * m;
            multiplyAdd(KERNEL[k], phases[0], HISTORY - m, KERNEL[k + 1], phases[3], HISTORY - m - 1, KERNEL[k + 2], phases[2],
                    HISTORY - m - 1, KERNEL[k + 3], phases[1], HISTORY - m - 1, out, 0, n);
        }
        multiplyAdd(KERNEL[FACTOR * m], phases[0], HISTORY - m, out, 0, n); // the last tap, 160
        keepHistory(input, n);
        for (double[] phase : phases) {
            keepHistory(phase, n);
        }
    }

    /**
     * Four taps over the block, {@code out[to + j] += a·xa[fa + j] + b·xb[fb + j] + …} for j &lt; n, summed
     * left to right as one tap at a time would: a loop the JIT vectorises, reading and writing
     * {@code out} once for four taps.
     */
    private static void multiplyAdd(double a, double[] xa, int fa, double b, double[] xb, int fb, double c, double[] xc, int fc,
            double d, double[] xd, int fd, double[] out, int to, int n) {
        for (int j = 0; j < n; j++) {
            out[to + j] = out[to + j] + a * xa[fa + j] + b * xb[fb + j] + c * xc[fc + j] + d * xd[fd + j];
        }
    }

    /** One tap over the block: {@code out[to + j] += h·x[from + j]}. */
    private static void multiplyAdd(double h, double[] x, int from, double[] out, int to, int n) {
        for (int j = 0; j < n; j++) {
            out[to + j] += h * x[from + j];
        }
    }

    private static void keepHistory(double[] stream, int n) {
        System.arraycopy(stream, n, stream, 0, HISTORY);
    }
}
