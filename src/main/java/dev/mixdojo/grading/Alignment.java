package dev.mixdojo.grading;

import org.jtransforms.fft.DoubleFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * Finds the delay of a mix against the sum of its stems by cross-correlation computed with FFTs,
 * accumulated over several segments spread through the programme (a Welch-style estimate, so one
 * quiet passage does not decide it). Pure.
 */
final class Alignment {
    /** Largest delay searched, in frames either way (0.34 s at 48 kHz: DAW latency is far less). */
    static final int MAX_LAG_FRAMES = 1 << 14;
    private static final int SEGMENT_FRAMES = 1 << 16;
    private static final int MAX_SEGMENTS = 8;

    static {
        // JTransforms' default pool keeps the JVM alive for a minute; one thread is plenty here.
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    private Alignment() {
    }

    /** The delay d (frames) that best explains {@code mix[n] ≈ stemSum[n − d]}, within ±{@link #MAX_LAG_FRAMES}. */
    static int mixDelayFrames(float[] stemSum, float[] mix) {
        int frames = Math.min(stemSum.length, mix.length);
        int maxLag = Math.min(MAX_LAG_FRAMES, frames / 4);
        int segment = Math.max(1, Math.min(SEGMENT_FRAMES, frames - 2 * maxLag));
        int size = Integer.highestOneBit(segment + 2 * maxLag - 1) << 1;
        int segments = Math.max(1, Math.min(MAX_SEGMENTS, (frames - 2 * maxLag) / segment));
        DoubleFFT_1D fft = new DoubleFFT_1D(size);
        double[] sum = new double[size];
        double[] a = new double[size];
        double[] b = new double[size];
        int span = frames - 2 * maxLag - segment;
        for (int s = 0; s < segments; s++) {
            int start = maxLag + (segments == 1 ? 0 : (int) ((long) span * s / (segments - 1)));
            java.util.Arrays.fill(a, 0);
            java.util.Arrays.fill(b, 0);
            for (int n = 0; n < segment; n++) {
                a[n] = mix[start + n];
            }
            for (int n = 0; n < segment + 2 * maxLag; n++) {
                int at = start - maxLag + n;
                b[n] = at < stemSum.length ? stemSum[at] : 0;
            }
            fft.realForward(a);
            fft.realForward(b);
            crossSpectrumInto(a, b, sum);
        }
        fft.realInverse(sum, false);
        // sum[k] = Σ mix[start+n]·stemSum[start−maxLag+n+k]; the match k = maxLag − d.
        int best = 0;
        for (int k = 1; k <= 2 * maxLag; k++) {
            if (sum[k] > sum[best]) {
                best = k;
            }
        }
        return maxLag - best;
    }

    /** Adds conj(A)·B to {@code sum}, all in JTransforms' packed real-FFT layout. */
    private static void crossSpectrumInto(double[] a, double[] b, double[] sum) {
        sum[0] += a[0] * b[0];
        sum[1] += a[1] * b[1];
        for (int k = 2; k < a.length; k += 2) {
            double ar = a[k];
            double ai = a[k + 1];
            double br = b[k];
            double bi = b[k + 1];
            sum[k] += ar * br + ai * bi;
            sum[k + 1] += ar * bi - ai * br;
        }
    }
}
