package dev.mixdojo.dsp.tone;

/**
 * 4× interpolator and decimator for one channel in two linear-phase half-band stages (Kaiser β = 10):
 * {@value #TAPS_A} taps at 2·fs, flat to 20.2 kHz and about 100 dB down from 27.8 kHz at 48 kHz, then
 * {@value #TAPS_B} taps at 4·fs that stop stage A's images; the round trip is {@link #LATENCY_FRAMES}
 * input samples (docs/decisions/dsp-filters-and-dynamics.md). Works a block at a time on float
 * streams, each {@link #HISTORY} earlier samples followed by the block; allocation-free after
 * construction, one thread.
 */
final class Oversampler {
    /** Oversampling factor. */
    static final int FACTOR = 4;
    private static final double KAISER_BETA = 10.0;
    /** Stage A length, 4·K_A + 3 (a half-band's centre falls on an odd tap). */
    static final int TAPS_A = 83;
    /** Stage B length, 4·K_B + 3. */
    static final int TAPS_B = 27;
    private static final int K_A = (TAPS_A - 3) / 4; // 20
    private static final int K_B = (TAPS_B - 3) / 4; // 6: even, which the phase bookkeeping of up and down assumes
    /**
     * Round-trip delay in input samples: stage A delays by its centre, (TAPS_A − 1)/2 samples at 2·fs,
     * on the way up and again on the way down, stage B by (TAPS_B − 1)/2 at 4·fs each way, and keeping
     * the odd 2·fs samples takes one 2·fs sample back: (2·(TAPS_A − 1)/2 + (TAPS_B − 1)/2 − 1)/2.
     */
    static final int LATENCY_FRAMES = ((TAPS_A - 1) + (TAPS_B - 1) / 2 - 1) / 2; // 47

    /** Stage A's non-zero off-centre taps h_A[2i], i = 0 … 2·K_A + 1 (its centre tap is ½). */
    private static final float[] A_TAPS;
    /** Stage B's taps h_B[4l] (l = 0 … K_B), the ones that meet the 4·fs phase 0 when decimating. */
    private static final float[] B_TAPS_EVEN;
    /** Stage B's taps h_B[4l + 2], the ones that meet phase 2. */
    private static final float[] B_TAPS_ODD;
    /** The same taps doubled: interpolation by 2 restores the level lost to the zero samples. */
    private static final float[] A_UP;
    private static final float[] B_UP_EVEN;
    private static final float[] B_UP_ODD;

    static {
        double[] a = halfBand(TAPS_A);
        double[] b = halfBand(TAPS_B);
        A_TAPS = every(a, 0, 2, 2 * K_A + 2, 1);
        B_TAPS_EVEN = every(b, 0, 4, K_B + 1, 1);
        B_TAPS_ODD = every(b, 2, 4, K_B + 1, 1);
        A_UP = every(a, 0, 2, 2 * K_A + 2, 2);
        B_UP_EVEN = every(b, 0, 4, K_B + 1, 2);
        B_UP_ODD = every(b, 2, 4, K_B + 1, 2);
    }

    /** Samples of history every stream keeps: the longest reach back, stage A's 2·K_A + 1. */
    private static final int HISTORY = 2 * K_A + 1; // 41

    private final float[] input;
    /** The 2·fs signal on the way up: samples 2m (even) and 2m + 1 (odd) of input frame m. */
    private final float[] upEven;
    private final float[] upOdd;
    /** The 4·fs signal as four phases: sample 4m + p at {@code phases[p][HISTORY + m]}. */
    private final float[][] phases = new float[FACTOR][];
    /** The 2·fs signal on the way down, after stage B. */
    private final float[] downEven;
    private final float[] downOdd;
    /** Every stream above, for clearing and for keeping their history. */
    private final float[][] streams;

    /** An oversampler for blocks of at most {@code capacity} input frames. */
    Oversampler(int capacity) {
        input = new float[HISTORY + capacity];
        upEven = new float[HISTORY + capacity];
        upOdd = new float[HISTORY + capacity];
        for (int p = 0; p < FACTOR; p++) {
            phases[p] = new float[HISTORY + capacity];
        }
        downEven = new float[HISTORY + capacity];
        downOdd = new float[HISTORY + capacity];
        streams = new float[][] {input, upEven, upOdd, phases[0], phases[1], phases[2], phases[3], downEven, downOdd};
    }

    /**
     * A half-band low-pass of {@code taps} (4k + 3) taps: sinc with cutoff a quarter of its sample
     * rate under a Kaiser window. Its even-offset taps are zero by construction; the centre is set to ½
     * and the others scaled to sum to ½, so either polyphase branch has a DC gain of exactly ½.
     */
    private static double[] halfBand(int taps) {
        double[] h = new double[taps];
        int centre = (taps - 1) / 2;
        double sum = 0;
        for (int n = 0; n < taps; n++) {
            int t = n - centre;
            if (t % 2 == 0) {
                continue; // the centre is set below; the other even offsets are zeros of the sinc
            }
            double sinc = Math.sin(Math.PI * t / 2) / (Math.PI * t);
            double ratio = t / (double) centre;
            h[n] = sinc * besselI0(KAISER_BETA * Math.sqrt(1 - ratio * ratio)) / besselI0(KAISER_BETA);
            sum += h[n];
        }
        for (int n = 0; n < taps; n++) {
            h[n] *= 0.5 / sum;
        }
        h[centre] = 0.5;
        return h;
    }

    /** {@code count} taps of {@code h} from {@code first}, {@code step} apart, times {@code gain}. */
    private static float[] every(double[] h, int first, int step, int count, double gain) {
        float[] taps = new float[count];
        for (int i = 0; i < count; i++) {
            taps[i] = (float) (h[first + step * i] * gain);
        }
        return taps;
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

    /** Clears every stream's history: silence before the next block. */
    void reset() {
        for (float[] stream : streams) {
            java.util.Arrays.fill(stream, 0);
        }
    }

    /** Where to write the block's input samples: indices {@link #HISTORY} … {@link #HISTORY} + n − 1. */
    float[] input() {
        return input;
    }

    /** Index of the block's first sample in {@link #input()} and in each of {@link #phases()}. */
    static int first() {
        return HISTORY;
    }

    /** The high-rate block as {@link #FACTOR} phase arrays (see the field), for the curve to change in place. */
    float[][] phases() {
        return phases;
    }

    /**
     * Interpolates the n input samples in {@link #input()} into the {@link #FACTOR} phases. With x the
     * input, y the 2·fs and z the 4·fs signal, and frame m of the block:
     * y[2m] = Σ 2h_A[2i]·x[m − i], y[2m + 1] = x[m − K_A]; then the same from y to z, written per
     * phase of z in terms of the two phases of y (stage B's centre is K_B = 6 samples back at 2·fs,
     * so phases 1 and 3 are the even and odd 2·fs samples three frames back).
     */
    void up(int n) {
        int h = HISTORY;
        convolve(A_UP, input, h, upEven, n, false);
        System.arraycopy(input, h - K_A, upOdd, h, n);
        convolve(B_UP_EVEN, upEven, h, phases[0], n, false);
        convolve(B_UP_ODD, upOdd, h - 1, phases[0], n, true);
        System.arraycopy(upEven, h - K_B / 2, phases[1], h, n);
        convolve(B_UP_EVEN, upOdd, h, phases[2], n, false);
        convolve(B_UP_ODD, upEven, h, phases[2], n, true);
        System.arraycopy(upOdd, h - K_B / 2, phases[3], h, n);
    }

    /**
     * Decimates the high-rate block into n output samples: stage B back to 2·fs,
     * w[p] = ½·z[2p − (2K_B + 1)] + Σ h_B[2i]·z[2p − 2i], then stage A at the odd 2·fs samples,
     * v[m] = ½·w[2(m − K_A)] + Σ h_A[2i]·w[2(m − i) + 1]. Then keeps every stream's last
     * {@link #HISTORY} samples for the next block.
     */
    void down(int n, float[] out) {
        int h = HISTORY;
        // w[2m]: phase 0 at frames m − l, phase 2 at m − l − 1, and the centre 4m − 13 = phase 3 of frame m − 4.
        convolve(B_TAPS_EVEN, phases[0], h, downEven, n, false);
        convolve(B_TAPS_ODD, phases[2], h - 1, downEven, n, true);
        addHalf(phases[3], h - (K_B + 2) / 2, downEven, h, n);
        // w[2m + 1]: phase 2 at frames m − l, phase 0 at m − l, and the centre 4m − 11 = phase 1 of frame m − 3.
        convolve(B_TAPS_EVEN, phases[2], h, downOdd, n, false);
        convolve(B_TAPS_ODD, phases[0], h, downOdd, n, true);
        addHalf(phases[1], h - K_B / 2, downOdd, h, n);
        java.util.Arrays.fill(out, 0, n, 0);
        convolveInto(A_TAPS, downOdd, h, out, 0, n);
        addHalf(downEven, h - K_A, out, 0, n);
        for (float[] stream : streams) {
            System.arraycopy(stream, n, stream, 0, HISTORY);
        }
    }

    /** {@code out[HISTORY + j] (+)= Σ_t taps[t]·x[from + j − t]} for j &lt; n; adds to out when {@code add}, else replaces it. */
    private static void convolve(float[] taps, float[] x, int from, float[] out, int n, boolean add) {
        if (!add) {
            java.util.Arrays.fill(out, HISTORY, HISTORY + n, 0);
        }
        convolveInto(taps, x, from, out, HISTORY, n);
    }

    /** {@code out[to + j] += Σ_t taps[t]·x[from + j − t]} for j &lt; n, four taps per pass over the block. */
    private static void convolveInto(float[] taps, float[] x, int from, float[] out, int to, int n) {
        int t = 0;
        for (; t + 4 <= taps.length; t += 4) {
            float a = taps[t];
            float b = taps[t + 1];
            float c = taps[t + 2];
            float d = taps[t + 3];
            int f = from - t;
            for (int j = 0; j < n; j++) {
                out[to + j] += a * x[f + j] + b * x[f - 1 + j] + c * x[f - 2 + j] + d * x[f - 3 + j];
            }
        }
        for (; t < taps.length; t++) {
            float a = taps[t];
            int f = from - t;
            for (int j = 0; j < n; j++) {
                out[to + j] += a * x[f + j];
            }
        }
    }

    /** {@code out[to + j] += ½·x[from + j]} for j &lt; n: a half-band's centre tap. */
    private static void addHalf(float[] x, int from, float[] out, int to, int n) {
        for (int j = 0; j < n; j++) {
            out[to + j] += 0.5f * x[from + j];
        }
    }
}
