package dev.mixdojo.analysis.qc;

import dev.mixdojo.analysis.DoubleList;
import dev.mixdojo.analysis.Levels;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** Length of the blocks whose means and spreads locate the quiet passages where a DC offset is read, in seconds. */
    static final double DC_BLOCK_S = 0.1;
    /** A block whose spread about its mean is this far (dB) below the channel's median block is a quiet passage. */
    static final double DC_QUIET_DB = -30;

    private final int sampleRateHz;
    private final int channelCount;
    private final double silenceThreshold;
    private final int[] runLength;
    private int clippedRuns;
    private long clippedSamples;
    private final List<Double> clipTimes = new ArrayList<>();
    private final int dcBlockFrames;
    private final double[] sums;
    private final double[] blockSums;
    private final double[] blockSquares;
    private int blockFilled;
    private final List<DoubleList> blockMeans = new ArrayList<>();
    private final List<DoubleList> blockSpreads = new ArrayList<>();
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
        this.dcBlockFrames = Math.max(1, (int) Math.round(DC_BLOCK_S * sampleRateHz));
        this.sums = new double[channelCount];
        this.blockSums = new double[channelCount];
        this.blockSquares = new double[channelCount];
        for (int c = 0; c < channelCount; c++) {
            blockMeans.add(new DoubleList());
            blockSpreads.add(new DoubleList());
        }
    }

    /** Checks {@code frames} frames of the block. */
    public void accept(float[][] block, int frames) {
        trackClipping(block, frames);
        for (int done = 0; done < frames; ) {
            int n = Math.min(frames - done, dcBlockFrames - blockFilled);
            for (int c = 0; c < channelCount; c++) {
                blockSums[c] += sum(block[c], done, n);
                blockSquares[c] += sumOfSquares(block[c], done, n);
            }
            done += n;
            blockFilled += n;
            if (blockFilled == dcBlockFrames) {
                closeDcBlock();
            }
        }
        for (int c = 0; c < channelCount; c++) {
            float[] x = block[c];
            bitsUsed |= bitsUsed(x, frames);
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
    private static double sum(float[] x, int from, int frames) {
        double sum = 0;
        for (int i = from; i < from + frames; i++) {
            sum += x[i];
        }
        return sum;
    }

    private static double sumOfSquares(float[] x, int from, int frames) {
        double sum = 0;
        for (int i = from; i < from + frames; i++) {
            sum += x[i] * x[i];
        }
        return sum;
    }

    /** Keeps each channel's mean and spread (RMS about the mean) over the block just filled. */
    private void closeDcBlock() {
        for (int c = 0; c < channelCount; c++) {
            double mean = blockSums[c] / blockFilled;
            sums[c] += blockSums[c];
            blockMeans.get(c).add(mean);
            blockSpreads.get(c).add(Math.sqrt(Math.max(0, blockSquares[c] / blockFilled - mean * mean)));
            blockSums[c] = 0;
            blockSquares[c] = 0;
        }
        blockFilled = 0;
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

    /**
     * Counts runs of {@value #MIN_CLIP_RUN} or more full-scale samples. A run that starts while another channel
     * is already in one is the same clipping event (dual-mono files clip on both channels at once): it is
     * counted once, and so are the frames inside it.
     */
    private void trackClipping(float[][] block, int frames) {
        boolean any = false;
        for (int c = 0; c < channelCount && !any; c++) {
            any = runLength[c] > 0 || Levels.peakMagnitude(block[c], 0, frames) >= FULL_SCALE;
        }
        if (!any) {
            return;  // nothing at full scale: no run starts or goes on (the usual case, checked by a quick scan)
        }
        for (int i = 0; i < frames; i++) {
            boolean inRunBefore = anyRunAtLeast(MIN_CLIP_RUN);
            boolean startsRun = false;
            for (int c = 0; c < channelCount; c++) {
                if (Math.abs(block[c][i]) < FULL_SCALE) {
                    runLength[c] = 0;
                } else if (++runLength[c] == MIN_CLIP_RUN) {
                    startsRun = true;
                }
            }
            if (startsRun && !inRunBefore) {
                clippedRuns++;
                clippedSamples += MIN_CLIP_RUN;
                if (clipTimes.size() < CLIP_TIMES_KEPT) {
                    clipTimes.add((this.frames + i - MIN_CLIP_RUN + 1) / (double) sampleRateHz);
                }
            } else if (inRunBefore && anyRunAtLeast(MIN_CLIP_RUN)) {
                clippedSamples++;
            }
        }
    }

    private boolean anyRunAtLeast(int length) {
        for (int run : runLength) {
            if (run >= length) {
                return true;
            }
        }
        return false;
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

    /**
     * The findings. The DC offset is the channel's mean; where a channel has quiet passages (100 ms blocks whose
     * spread is {@link #DC_QUIET_DB} below its median block), it is their mean: an offset shifts the quiet
     * passages as much as the loud ones, while the asymmetric waveform of a kick or a bass averages to a mean
     * only where it sounds.
     */
    public QcResult result() {
        if (blockFilled > 0) {
            closeDcBlock();
        }
        double dc = 0;
        for (int c = 0; c < channelCount; c++) {
            double mean = offset(frames == 0 ? 0 : sums[c] / frames, blockMeans.get(c).toArray(), blockSpreads.get(c).toArray());
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

    /** The mean of the quiet blocks (those {@link #DC_QUIET_DB} below the median spread), or {@code overallMean} when there are none. */
    private static double offset(double overallMean, double[] means, double[] spreads) {
        double[] sorted = spreads.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return overallMean;
        }
        double quiet = sorted[sorted.length / 2] * Math.pow(10, DC_QUIET_DB / 20);
        double sum = 0;
        int count = 0;
        for (int k = 0; k < means.length; k++) {
            if (spreads[k] < quiet) {
                sum += means[k];
                count++;
            }
        }
        return count == 0 ? overallMean : sum / count;
    }
}
