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
    /** Input frames handed to the streaming core at a time by {@link #resample}. */
    private static final int PUSH_FRAMES = 65_536;

    private Resampler() {
    }

    /** Returns a new buffer at {@code targetRateHz} (a copy if the rate already matches). */
    public static AudioBuffer resample(AudioBuffer in, int targetRateHz) {
        if (targetRateHz <= 0) {
            throw new IllegalArgumentException("target rate must be positive, got " + targetRateHz);
        }
        if (in.sampleRateHz() == targetRateHz) {
            return in.copy();
        }
        Ratio ratio = new Ratio(in.sampleRateHz(), targetRateHz);
        long outFrames = ratio.outputFrames(in.frames());
        if (outFrames > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("resampled buffer would hold " + outFrames + " frames, too many for memory");
        }
        float[][] out = new float[in.channelCount()][(int) outFrames];
        int[] written = {0};
        Streaming streaming = new Streaming(ratio, in.channelCount(), (block, frames) -> {
            for (int c = 0; c < out.length; c++) {
                System.arraycopy(block[c], 0, out[c], written[0], frames);
            }
            written[0] += frames;
        });
        float[][] slice = new float[in.channelCount()][];
        for (int start = 0; start < in.frames(); start += PUSH_FRAMES) {
            int count = Math.min(PUSH_FRAMES, in.frames() - start);
            for (int c = 0; c < slice.length; c++) {
                slice[c] = start == 0 && count == in.frames() ? in.channel(c)
                        : java.util.Arrays.copyOfRange(in.channel(c), start, start + count);
            }
            streaming.push(slice, count);
        }
        streaming.finish();
        return new AudioBuffer(out, targetRateHz);
    }

    /**
     * A resampler for audio that arrives block by block (constant memory, any block sizes,
     * same samples as {@link #resample}); output goes to {@code sink} in blocks. Not thread-safe.
     */
    static Streaming streaming(int sourceRateHz, int targetRateHz, int channelCount, Sink sink) {
        if (sourceRateHz <= 0 || targetRateHz <= 0) {
            throw new IllegalArgumentException("rates must be positive, got " + sourceRateHz + " and " + targetRateHz);
        }
        return new Streaming(new Ratio(sourceRateHz, targetRateHz), channelCount, sink);
    }

    /** Receives resampled frames {@code block[c][0…frames)}; the arrays are reused after the call. */
    interface Sink {
        void accept(float[][] block, int frames);
    }

    /** Streaming state: a sliding window of input (zero-padded at both ends) and the next output index. */
    static final class Streaming {
        private static final int OUT_BLOCK_FRAMES = 4096;
        private final Ratio ratio;
        private final Sink sink;
        private final float[][] outBlock;
        private float[][] window;
        /** Input index of window[c][0]; negative at first, because the window starts with zero padding. */
        private long windowStart;
        private int windowFrames;
        private long inputFrames;
        private long nextOutput;
        private int outFrames;
        private boolean finished;

        private Streaming(Ratio ratio, int channelCount, Sink sink) {
            this.ratio = ratio;
            this.sink = sink;
            this.outBlock = new float[channelCount][OUT_BLOCK_FRAMES];
            this.window = new float[channelCount][4 * ratio.halfTaps + PUSH_FRAMES];
            // Silence before the first sample, so the first outputs see zeros, not garbage.
            this.windowStart = -ratio.halfTaps;
            this.windowFrames = ratio.halfTaps;
        }

        /** Adds {@code frames} input frames from {@code block[c][0…frames)} and emits every output they complete. */
        void push(float[][] block, int frames) {
            if (finished) {
                throw new IllegalStateException("resampler already finished");
            }
            append(block, frames);
            inputFrames += frames;
            emit(Long.MAX_VALUE);
        }

        /** Pads the end with silence and emits the remaining outputs, round(inputFrames·target/source) in all. */
        void finish() {
            if (finished) {
                return;
            }
            finished = true;
            int pad = 2 * ratio.halfTaps + 1;
            append(new float[window.length][pad], pad);
            emit(ratio.outputFrames(inputFrames));
            flush();
        }

        private void append(float[][] block, int frames) {
            // Drop input no future output reaches: everything before the next output's first tap.
            long firstNeeded = Math.min(ratio.firstTap(nextOutput), windowStart + windowFrames);
            int drop = (int) (firstNeeded - windowStart);
            if (drop > 0) {
                for (float[] channel : window) {
                    System.arraycopy(channel, drop, channel, 0, windowFrames - drop);
                }
                windowStart += drop;
                windowFrames -= drop;
            }
            if (windowFrames + frames > window[0].length) {
                int capacity = Math.max(2 * window[0].length, windowFrames + frames);
                for (int c = 0; c < window.length; c++) {
                    window[c] = java.util.Arrays.copyOf(window[c], capacity);
                }
            }
            for (int c = 0; c < window.length; c++) {
                System.arraycopy(block[c], 0, window[c], windowFrames, frames);
            }
            windowFrames += frames;
        }

        private void emit(long limit) {
            long windowEnd = windowStart + windowFrames;
            while (nextOutput < limit) {
                long first = ratio.firstTap(nextOutput);
                double[] taps = ratio.taps(nextOutput);
                if (first + taps.length > windowEnd) {
                    return; // wait for more input
                }
                int offset = (int) (first - windowStart);
                for (int c = 0; c < window.length; c++) {
                    float[] in = window[c];
                    double acc = 0;
                    for (int j = 0; j < taps.length; j++) {
                        acc += taps[j] * in[offset + j];
                    }
                    outBlock[c][outFrames] = (float) acc;
                }
                nextOutput++;
                if (++outFrames == OUT_BLOCK_FRAMES) {
                    flush();
                }
            }
        }

        private void flush() {
            if (outFrames > 0) {
                sink.accept(outBlock, outFrames);
                outFrames = 0;
            }
        }
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

        /** Output frames for {@code inputFrames} input frames: the same duration, rounded. */
        long outputFrames(long inputFrames) {
            return (2 * inputFrames * up + down) / (2 * down);
        }

        /** Input index weighed by tap 0 for output frame n (output n sits at input position n·down/up). */
        long firstTap(long n) {
            return Math.floorDiv(n * down, up) - halfTaps + 1;
        }

        /** The taps for output frame n. */
        double[] taps(long n) {
            long phase = Math.floorMod(n * down, up);
            return polyphase != null ? polyphase[(int) phase] : computeTaps(phase);
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
