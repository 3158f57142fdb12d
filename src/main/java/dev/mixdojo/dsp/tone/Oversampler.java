package dev.mixdojo.dsp.tone;

/**
 * 4× polyphase FIR interpolator and decimator for one channel, sharing one linear-phase low-pass:
 * 161 taps at 4·fs (Kaiser window, β = 10, about 100 dB stop band; Kaiser's design formula),
 * cutoff fs/2, so at 48 kHz the pass band is flat to 20 kHz and images and aliases from 28 kHz
 * up are removed. Up then down delays by exactly {@link #LATENCY_FRAMES} input samples.
 * Allocation-free after construction; one thread.
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
    private static final double[][] PHASES = phases();

    private final double[] inputHistory = new double[2 * PER_PHASE];
    private int inputAt;
    private final double[] highHistory = new double[2 * TAPS];
    private int highAt;

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

    private static double[][] phases() {
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
        java.util.Arrays.fill(inputHistory, 0);
        java.util.Arrays.fill(highHistory, 0);
        inputAt = 0;
        highAt = 0;
    }

    /** Interpolates one input sample into {@link #FACTOR} high-rate samples written to {@code out[0…3]}. */
    void up(double x, double[] out) {
        inputAt = inputAt == 0 ? PER_PHASE - 1 : inputAt - 1;
        inputHistory[inputAt] = x;
        inputHistory[inputAt + PER_PHASE] = x; // mirrored so the newest PER_PHASE samples are contiguous
        for (int p = 0; p < FACTOR; p++) {
            double[] h = PHASES[p];
            double acc = 0;
            for (int k = 0; k < PER_PHASE; k++) {
                acc += h[k] * inputHistory[inputAt + k];
            }
            out[p] = acc;
        }
    }

    /**
     * Takes {@link #FACTOR} high-rate samples and returns one decimated output sample, taken at the
     * first of them so the round trip delays by a whole number of input samples.
     */
    double down(double[] in) {
        push(in[0]);
        double acc = 0;
        for (int k = 0; k < TAPS; k++) {
            acc += KERNEL[k] * highHistory[highAt + k];
        }
        for (int p = 1; p < FACTOR; p++) {
            push(in[p]);
        }
        return acc;
    }

    private void push(double sample) {
        highAt = highAt == 0 ? TAPS - 1 : highAt - 1;
        highHistory[highAt] = sample;
        highHistory[highAt + TAPS] = sample;
    }
}
