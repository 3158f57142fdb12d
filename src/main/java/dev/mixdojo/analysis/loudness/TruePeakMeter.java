package dev.mixdojo.analysis.loudness;

/**
 * True-peak meter (ITU-R BS.1770-4 Annex 2): 8× polyphase interpolation with a 128-tap
 * Kaiser-windowed sinc (16 taps per phase, β 6, cut-off at the input Nyquist frequency) instead of
 * the Annex's 48-tap 4× minimum, which under-reads by up to 0.69 dB. A sine up to 20 kHz reads at
 * most 0.1 dB low and 0.02 dB high at 44.1 and 48 kHz (32 taps per phase would gain under 0.1 dB
 * for twice the work). Streaming; not thread-safe.
 */
final class TruePeakMeter {
    static final int FACTOR = 8;
    static final int TAPS_PER_PHASE = 16;
    private static final int CHUNK = 1024;
    private static final double KAISER_BETA = 6.0;

    /** Phase filters 1…FACTOR−1 arranged for correlation with the input (oldest sample first). */
    private final float[][] phases;
    private final float[][] history;
    private float[] work = new float[0];
    private float[][] phaseOutputs = new float[0][0];
    private float[] shifted = new float[0];
    private float[] channelEnvelope = new float[0];

    TruePeakMeter(int channelCount) {
        this(channelCount, FACTOR);
    }

    /**
     * A meter interpolating {@code factor} = 8 (the meter's own) or 4 times: phases 2, 4 and 6 of
     * the 8× filter are the 4× filter's three phases, at a bit over 40 % of the work.
     */
    TruePeakMeter(int channelCount, int factor) {
        float[][] all = designPhases();
        if (factor == FACTOR) {
            phases = all;
        } else if (factor == FACTOR / 2) {
            phases = new float[][] {all[1], all[3], all[5]};
        } else {
            throw new IllegalArgumentException("a true-peak meter interpolates 4 or 8 times, not " + factor);
        }
        history = new float[channelCount][TAPS_PER_PHASE - 1];
    }

    /** The interpolation filter's phases (not phase 0, which is the identity), for tests. */
    static float[][] designPhases() {
        int length = FACTOR * TAPS_PER_PHASE;
        int centre = length / 2;
        double[] prototype = new double[length];
        double i0Beta = besselI0(KAISER_BETA);
        for (int m = 0; m < length; m++) {
            double t = (m - centre) / (double) FACTOR;
            double sinc = t == 0 ? 1.0 : Math.sin(Math.PI * t) / (Math.PI * t);
            double r = (m - centre) / (double) centre;
            double window = besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
            prototype[m] = sinc * window;
        }
        float[][] out = new float[FACTOR - 1][TAPS_PER_PHASE];
        for (int p = 1; p < FACTOR; p++) {
            double sum = 0;
            for (int k = 0; k < TAPS_PER_PHASE; k++) {
                sum += prototype[p + FACTOR * k];
            }
            for (int j = 0; j < TAPS_PER_PHASE; j++) {
                // y_p[n] = Σ_k h[p + L·k]·x[n−k]; with x[n−k] = work[i + T−1−k] the tap for work[i+j] is k = T−1−j.
                out[p - 1][j] = (float) (prototype[p + FACTOR * (TAPS_PER_PHASE - 1 - j)] / sum);
            }
        }
        return out;
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
        }
        return sum;
    }

    /**
     * Interpolates frames {@code 0…frames} of each channel and raises {@code envelope[i]} to the
     * largest absolute interpolated value near input frame i (over all channels; the filter delays
     * it by {@value #TAPS_PER_PHASE}/2 frames); {@code channelPeaks[c]} is raised to each channel's
     * largest interpolated value. A null {@code envelope} asks for the peaks alone.
     */
    void process(float[][] block, int frames, float[] envelope, double[] channelPeaks) {
        // Work in pieces small enough to stay in the fastest caches (seven phase outputs of 4 KB).
        for (int at = 0; at < frames; at += CHUNK) {
            processChunk(block, at, Math.min(CHUNK, frames - at), envelope, channelPeaks);
        }
    }

    private void processChunk(float[][] block, int from, int frames, float[] envelope, double[] channelPeaks) {
        int history = TAPS_PER_PHASE - 1;
        if (work.length < frames + history) {
            work = new float[frames + history];
            shifted = new float[frames];
            channelEnvelope = new float[frames];
            phaseOutputs = new float[phases.length][frames];
        }
        for (int c = 0; c < this.history.length; c++) {
            float[] past = this.history[c];
            System.arraycopy(past, 0, work, 0, history);
            System.arraycopy(block[c], from, work, history, frames);
            interpolate(frames);
            java.util.Arrays.fill(channelEnvelope, 0, frames, 0f);
            for (float[] output : phaseOutputs) {
                raiseToMagnitude(channelEnvelope, output, frames);
            }
            float channelPeak = envelope == null ? max(channelEnvelope, frames) : raiseAndMax(envelope, from, channelEnvelope, frames);
            channelPeaks[c] = Math.max(channelPeaks[c], channelPeak);
            System.arraycopy(work, frames, past, 0, history);
        }
    }

    /** phaseOutputs[p][i] = Σ_j phases[p][j]·work[i + j] for i &lt; frames. */
    private void interpolate(int frames) {
        for (float[] output : phaseOutputs) {
            java.util.Arrays.fill(output, 0, frames, 0f);
        }
        for (int j = 0; j < TAPS_PER_PHASE; j++) {
            // Copying the shifted input once per tap lets the JIT vectorise the multiply-adds (a loop
            // reading work[i + j] while writing out[i] is not vectorised), and all phases share the copy.
            System.arraycopy(work, j, shifted, 0, frames);
            for (int p = 0; p < phases.length; p++) {
                multiplyAdd(phases[p][j], shifted, phaseOutputs[p], frames);
            }
        }
    }

    private static void multiplyAdd(float h, float[] x, float[] out, int frames) {
        for (int i = 0; i < frames; i++) {
            out[i] += h * x[i];
        }
    }

    private static void raiseToMagnitude(float[] envelope, float[] values, int frames) {
        for (int i = 0; i < frames; i++) {
            envelope[i] = Math.max(envelope[i], Math.abs(values[i]));
        }
    }

    private static float max(float[] values, int frames) {
        float max = 0;
        for (int i = 0; i < frames; i++) {
            max = Math.max(max, values[i]);
        }
        return max;
    }

    /** Raises {@code envelope[from + i]} to {@code values[i]} and returns the largest of {@code values}. */
    private static float raiseAndMax(float[] envelope, int from, float[] values, int frames) {
        float max = 0;
        for (int i = 0; i < frames; i++) {
            max = Math.max(max, values[i]);
            envelope[from + i] = Math.max(envelope[from + i], values[i]);
        }
        return max;
    }

    /** Pushes silence through the filters so the last input samples' neighbourhoods are measured; returns that tail's peak. */
    double flush(double[] channelPeaks) {
        float[][] zeros = new float[history.length][TAPS_PER_PHASE];
        float[] envelope = new float[TAPS_PER_PHASE];
        process(zeros, TAPS_PER_PHASE, envelope, channelPeaks);
        double peak = 0;
        for (float v : envelope) {
            peak = Math.max(peak, v);
        }
        return peak;
    }
}
