package dev.mixdojo.analysis.qc;

import java.util.ArrayList;
import java.util.List;

/**
 * Streaming technical checks: clipping runs, DC offset, effective bit depth, leading and trailing
 * silence. Not thread-safe.
 */
public final class QcAnalyzer {
    /** A sample at or above this magnitude is at full scale (one 16-bit step below 1.0, with margin). */
    public static final double FULL_SCALE = 0.9999;
    /** Consecutive full-scale samples that make a clipping run (fewer happen in clean masters). */
    public static final int MIN_CLIP_RUN = 3;
    /** Level in dBFS below which samples count as silence. */
    public static final double SILENCE_DBFS = -60;
    /** Effective bits reported for float data that uses more than 32-bit PCM resolution. */
    public static final int FINER_THAN_32_BITS = 32;
    static final int CLIP_TIMES_KEPT = 10;
    /** A channel mean above this fraction of full scale (−60 dBFS) is a DC offset worth removing. */
    public static final double DC_PROBLEM = 0.001;

    private final int sampleRateHz;
    private final int channelCount;
    private final double silenceThreshold;
    private final int[] runLength;
    private int clippedRuns;
    private long clippedSamples;
    private final List<Double> clipTimes = new ArrayList<>();
    private final double[] sums;
    private long bitsUsed;
    private long firstSound = -1;
    private long lastSound = -1;
    private long frames;

    /** An analyzer for the given rate and channel count. */
    public QcAnalyzer(int sampleRateHz, int channelCount) {
        this.sampleRateHz = sampleRateHz;
        this.channelCount = channelCount;
        this.silenceThreshold = Math.pow(10, SILENCE_DBFS / 20);
        this.runLength = new int[channelCount];
        this.sums = new double[channelCount];
    }

    /** Checks {@code frames} frames of the block. */
    public void accept(float[][] block, int frames) {
        for (int c = 0; c < channelCount; c++) {
            float[] x = block[c];
            sums[c] += sum(x, frames);
            bitsUsed |= bitsUsed(x, frames);
            trackClipping(c, x, frames);
            int first = firstAbove(x, frames, silenceThreshold);
            if (first >= 0) {
                long at = this.frames + first;
                firstSound = firstSound < 0 ? at : Math.min(firstSound, at);
                lastSound = Math.max(lastSound, this.frames + lastAbove(x, frames, silenceThreshold));
            }
        }
        this.frames += frames;
    }

    // Small single-loop methods: the JIT compiles them quickly (see LoudnessMeter).
    private static double sum(float[] x, int frames) {
        double sum = 0;
        for (int i = 0; i < frames; i++) {
            sum += x[i];
        }
        return sum;
    }

    /**
     * Every PCM sample up to 32 bits is an integer multiple of 2^-31; OR-ing those integers shows
     * the lowest bit any sample uses. A finer (float) value counts as using bit 0, i.e. 32 bits.
     */
    private static long bitsUsed(float[] x, int frames) {
        long bits = 0;
        for (int i = 0; i < frames; i++) {
            double scaled = x[i] * 2147483648.0;
            long asLong = (long) scaled;
            bits |= asLong == scaled ? asLong : 1L;
        }
        return bits;
    }

    private void trackClipping(int channel, float[] x, int frames) {
        int run = runLength[channel];
        if (run == 0 && peak(x, frames) < FULL_SCALE) {
            return;  // nothing at full scale: no run starts (the usual case, checked by a quick scan)
        }
        for (int i = 0; i < frames; i++) {
            if (Math.abs(x[i]) < FULL_SCALE) {
                run = 0;
                continue;
            }
            run++;
            if (run == MIN_CLIP_RUN) {
                clippedRuns++;
                clippedSamples += MIN_CLIP_RUN;
                if (clipTimes.size() < CLIP_TIMES_KEPT) {
                    clipTimes.add((this.frames + i - MIN_CLIP_RUN + 1) / (double) sampleRateHz);
                }
            } else if (run > MIN_CLIP_RUN) {
                clippedSamples++;
            }
        }
        runLength[channel] = run;
    }

    private static float peak(float[] x, int frames) {
        float peak = 0;
        for (int i = 0; i < frames; i++) {
            peak = Math.max(peak, Math.abs(x[i]));
        }
        return peak;
    }

    private static int firstAbove(float[] x, int frames, double threshold) {
        for (int i = 0; i < frames; i++) {
            if (Math.abs(x[i]) > threshold) {
                return i;
            }
        }
        return -1;
    }

    private static int lastAbove(float[] x, int frames, double threshold) {
        for (int i = frames - 1; i >= 0; i--) {
            if (Math.abs(x[i]) > threshold) {
                return i;
            }
        }
        return -1;
    }

    /** The findings. */
    public QcResult result() {
        double dc = 0;
        for (double s : sums) {
            double mean = frames == 0 ? 0 : s / frames;
            if (Math.abs(mean) > Math.abs(dc)) {
                dc = mean;
            }
        }
        int bits = bitsUsed == 0 ? 0 : 32 - Long.numberOfTrailingZeros(bitsUsed);
        double durationS = frames / (double) sampleRateHz;
        double leading = firstSound < 0 ? durationS : firstSound / (double) sampleRateHz;
        double trailing = lastSound < 0 ? durationS : (frames - lastSound - 1) / (double) sampleRateHz;
        List<String> problems = new ArrayList<>();
        QcResult.clippingSentence(clippedRuns, clipTimes).ifPresent(problems::add);
        QcResult.dcSentence(dc).ifPresent(problems::add);
        if (bits > 0 && bits <= 16) {
            problems.add("Only " + bits + " bits are used: the audio was probably made at "
                    + bits + " bits and padded, so it has no more resolution than that.");
        }
        if (firstSound < 0 && frames > 0) {
            problems.add("The file is silent (nothing above " + (int) SILENCE_DBFS + " dBFS).");
        } else {
            if (leading > 2) {
                problems.add(String.format(java.util.Locale.ROOT, "The file starts with %.1f s of silence.", leading));
            }
            if (trailing > 5) {
                problems.add(String.format(java.util.Locale.ROOT, "The file ends with %.1f s of silence.", trailing));
            }
        }
        return new QcResult(clippedRuns, clippedSamples, clipTimes, dc, bits, leading, trailing, problems);
    }
}
