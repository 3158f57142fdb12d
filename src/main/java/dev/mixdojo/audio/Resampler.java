package dev.mixdojo.audio;

/**
 * Changes the sample rate of a buffer with a Kaiser-windowed sinc interpolator (J. O. Smith,
 * "Digital Audio Resampling Home Page", bandlimited interpolation), evaluated as an exact
 * rational polyphase filter: output frame n sits at input position n·(in/out), computed in
 * integers, so results are deterministic and never drift. The cutoff sits at 94 % of the lower
 * of the two Nyquist frequencies, so downsampling removes what the new rate cannot hold.
 * Stateless and thread-safe.
 */
public final class Resampler {
    /** Zero crossings of the sinc kept on each side of the centre (filter half-length). */
    private static final int ZERO_CROSSINGS = 96;
    /** Kaiser β for about 100 dB stopband attenuation: β = 0.1102·(A − 8.7) (Kaiser 1974). */
    private static final double KAISER_BETA = 10.0;
    /** Cutoff as a fraction of the lower Nyquist frequency (about 20.7 kHz at 44.1 kHz). */
    private static final double CUTOFF = 0.94;
    /** Kernel table resolution: linear interpolation error ≈ (π/N)²/8 ≈ −130 dB at N = 4096. */
    private static final int TABLE_STEPS_PER_CROSSING = 4096;
    /** Above this many polyphase coefficients, compute each phase on the fly instead. */
    private static final long MAX_POLYPHASE_COEFFICIENTS = 1 << 20;

    private Resampler() {
    }

    /** Returns a new buffer at {@code targetRateHz} (a copy if the rate already matches). */
    public static AudioBuffer resample(AudioBuffer in, int targetRateHz) {
        if (targetRateHz <= 0) {
            throw new IllegalArgumentException("target rate must be positive, got " + targetRateHz);
        }
        int sourceRateHz = in.sampleRateHz();
        if (sourceRateHz == targetRateHz) {
            return in.copy();
        }
        Ratio ratio = new Ratio(sourceRateHz, targetRateHz);
        long outFrames = (2L * in.frames() * ratio.up + ratio.down) / (2L * ratio.down); // rounded
        if (outFrames > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("resampled buffer would hold " + outFrames + " frames, too many for memory");
        }
        float[][] out = new float[in.channelCount()][(int) outFrames];
        for (int c = 0; c < in.channelCount(); c++) {
            ratio.filter(in.channel(c), out[c]);
        }
        return new AudioBuffer(out, targetRateHz);
    }

    /** The reduced ratio up/down = target/source and the filter taps for each phase. */
    private static final class Ratio {
        final long up;
        final long down;
        /** Zero crossings per input sample: CUTOFF, shrunk by out/in when downsampling. */
        final double crossingsPerSample;
        /** Taps on each side of the output position. */
        final int halfTaps;
        /** Precomputed taps per phase (null when there are too many phases; see computeTaps). */
        final double[][] polyphase;

        Ratio(int sourceRateHz, int targetRateHz) {
            long g = gcd(sourceRateHz, targetRateHz);
            up = targetRateHz / g;
            down = sourceRateHz / g;
            crossingsPerSample = CUTOFF * Math.min(1.0, targetRateHz / (double) sourceRateHz);
            halfTaps = (int) Math.ceil(ZERO_CROSSINGS / crossingsPerSample) + 1;
            if (up * 2L * halfTaps <= MAX_POLYPHASE_COEFFICIENTS) {
                polyphase = new double[(int) up][];
                for (int phase = 0; phase < up; phase++) {
                    polyphase[phase] = computeTaps(phase);
                }
            } else {
                polyphase = null;
            }
        }

        /**
         * Taps for output positions {@code phase/up} of an input sample past input index i: tap j
         * weighs input i − halfTaps + 1 + j. Normalised to sum 1 so every phase has unity DC gain.
         */
        double[] computeTaps(long phase) {
            double frac = phase / (double) up;
            double[] taps = new double[2 * halfTaps];
            double sum = 0;
            for (int j = 0; j < taps.length; j++) {
                double distance = Math.abs(j - (halfTaps - 1) - frac) * crossingsPerSample;
                taps[j] = Kernel.at(distance);
                sum += taps[j];
            }
            for (int j = 0; j < taps.length; j++) {
                taps[j] /= sum;
            }
            return taps;
        }

        void filter(float[] in, float[] out) {
            int last = in.length - 1;
            for (int n = 0; n < out.length; n++) {
                long position = n * down;
                long i = position / up;
                int phase = (int) (position % up);
                double[] taps = polyphase != null ? polyphase[phase] : computeTaps(phase);
                long first = i - halfTaps + 1;
                int from = (int) Math.max(0, -first);              // taps before the start see silence
                int to = (int) Math.min(taps.length, last - first + 1); // and so do taps past the end
                double acc = 0;
                for (int j = from; j < to; j++) {
                    acc += taps[j] * in[(int) (first + j)];
                }
                out[n] = (float) acc;
            }
        }

        private static long gcd(long a, long b) {
            return b == 0 ? a : gcd(b, a % b);
        }
    }

    /** sinc(x)·Kaiser(x) tabulated over 0…ZERO_CROSSINGS zero crossings, linearly interpolated. */
    private static final class Kernel {
        private static final double[] TABLE = build();

        static double at(double crossings) {
            double index = crossings * TABLE_STEPS_PER_CROSSING;
            int k = (int) index;
            if (k >= TABLE.length - 1) {
                return 0;
            }
            double t = index - k;
            return TABLE[k] + t * (TABLE[k + 1] - TABLE[k]);
        }

        private static double[] build() {
            double[] table = new double[ZERO_CROSSINGS * TABLE_STEPS_PER_CROSSING + 2];
            double norm = besselI0(KAISER_BETA);
            for (int k = 0; k < table.length; k++) {
                double x = k / (double) TABLE_STEPS_PER_CROSSING;
                if (x >= ZERO_CROSSINGS) {
                    continue;
                }
                double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
                double r = x / ZERO_CROSSINGS;
                table[k] = sinc * besselI0(KAISER_BETA * Math.sqrt(1 - r * r)) / norm;
            }
            return table;
        }

        /** Modified Bessel function of the first kind, order 0, by its power series. */
        private static double besselI0(double x) {
            double sum = 1;
            double term = 1;
            double half = x / 2;
            for (int k = 1; term > 1e-21 * sum; k++) {
                term *= (half / k) * (half / k);
                sum += term;
            }
            return sum;
        }
    }
}
