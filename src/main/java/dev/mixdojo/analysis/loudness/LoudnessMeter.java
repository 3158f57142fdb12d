package dev.mixdojo.analysis.loudness;

import dev.mixdojo.analysis.KWeighting;
import dev.mixdojo.analysis.DoubleList;
import dev.mixdojo.analysis.Levels;
import dev.mixdojo.analysis.TimeSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming BS.1770-4 / EBU R128 meter: feed blocks of non-interleaved samples in order with
 * {@link #accept}, then call {@link #result()} once. Memory grows only with the stored series
 * (about 3 MB per hour). Not thread-safe.
 *
 * <p>The K-weighted, channel-weighted power is summed over sub-blocks of the meter grid (10 ms at
 * 44.1/48/96 kHz; a divisor of 100 ms elsewhere). Momentary (400 ms) and short-term (3 s)
 * loudness are evaluated at every grid point, exactly (no running-sum drift), which EBU Tech 3341
 * case 13 needs; every 100 ms the 400 ms block feeds the integrated gate and the 3 s block the
 * loudness range (Tech 3342 asks for ≥ 10 Hz).
 */
public final class LoudnessMeter {
    private final int sampleRateHz;
    private final int channelCount;
    private final double[] weights;
    private final KWeighting kWeighting;
    private final TruePeakMeter truePeak;

    private final int gridFrames;
    private final int gridsPerHop;
    private final int momentaryGrids;
    private final int shortTermGrids;
    private final double[] gridPowers;
    private long gridsDone;
    private double currentGridSum;
    private int currentGridFrames;
    private int framesInHop;
    private long totalFrames;

    private final DoubleList momentary = new DoubleList();
    private final DoubleList shortTerm = new DoubleList();
    private final DoubleList hopPeaks = new DoubleList();
    private final DoubleList gatingBlocks = new DoubleList();
    private final DoubleList shortTermBlocks = new DoubleList();
    private double maxMomentaryPower = -1;
    private double maxShortTermPower = -1;
    private double hopPeak;
    private final double[] samplePeaks;
    private final double[] truePeaks;

    private double[][] filtered = new double[0][0];
    private double[] energy = new double[0];
    private float[] peakEnvelope = new float[0];
    /** Per frame, a lower bound of its 100 ms step's peak (what the true-peak meter may skip below). */
    private float[] hopPeakFloor = new float[0];
    private LoudnessResult result;

    /**
     * A meter for the given rate and 1–8 channels (weights as in {@link ChannelWeights});
     * {@code measureTruePeak} false skips the oversampling (the peak is then the sample peak).
     */
    public LoudnessMeter(int sampleRateHz, int channelCount, boolean measureTruePeak) {
        if (sampleRateHz < 8000) {
            throw new IllegalArgumentException("loudness needs a sample rate of at least 8000 Hz, got " + sampleRateHz);
        }
        this.sampleRateHz = sampleRateHz;
        this.channelCount = channelCount;
        this.weights = ChannelWeights.forChannelCount(channelCount);
        this.kWeighting = new KWeighting(channelCount, sampleRateHz);
        this.truePeak = measureTruePeak ? new TruePeakMeter(channelCount) : null;
        int hopFrames = sampleRateHz / 10;
        int grid = largestDivisorAtMost(hopFrames, sampleRateHz / 100);
        if (sampleRateHz % 10 != 0 || grid < sampleRateHz / 200) {
            // Rates that are not a multiple of 10 Hz (rare): round the 100 ms hop to whole grid steps.
            grid = Math.max(1, Math.round(sampleRateHz / 100f));
            hopFrames = grid * 10;
        }
        this.gridFrames = grid;
        this.gridsPerHop = hopFrames / grid;
        this.momentaryGrids = 4 * gridsPerHop;
        this.shortTermGrids = 30 * gridsPerHop;
        this.gridPowers = new double[shortTermGrids];
        this.samplePeaks = new double[channelCount];
        this.truePeaks = new double[channelCount];
    }

    private static int largestDivisorAtMost(int n, int limit) {
        for (int d = Math.min(n, limit); d > 1; d--) {
            if (n % d == 0) {
                return d;
            }
        }
        return 1;
    }

    /** Seconds between momentary and short-term values (10 ms at the common rates). */
    public double gridStepS() {
        return gridFrames / (double) sampleRateHz;
    }

    /** Frames the true-peak meter interpolated so far (it skips what cannot raise a peak), for tests. */
    long truePeakFramesInterpolated() {
        return truePeak == null ? 0 : truePeak.framesInterpolated();
    }

    /** Measures {@code frames} frames of {@code block[channel][frame]}; block must have this meter's channel count. */
    public void accept(float[][] block, int frames) {
        if (result != null) {
            throw new IllegalStateException("the meter has already produced its result");
        }
        if (block.length != channelCount) {
            throw new IllegalArgumentException("expected " + channelCount + " channels, got " + block.length);
        }
        if (energy.length < frames) {
            filtered = new double[channelCount][frames];
            energy = new double[frames];
            peakEnvelope = new float[frames];
            hopPeakFloor = new float[frames];
        }
        java.util.Arrays.fill(energy, 0, frames, 0.0);
        java.util.Arrays.fill(peakEnvelope, 0, frames, 0f);
        // Each loop lives in its own small method: the JIT compiles small methods far faster than
        // one large one, and compilation is a large share of a three-minute file's run time.
        for (int c = 0; c < channelCount; c++) {
            samplePeaks[c] = Math.max(samplePeaks[c], copyAndTrackPeaks(block[c], filtered[c], peakEnvelope, frames));
        }
        kWeighting.process(filtered, frames);
        for (int c = 0; c < channelCount; c++) {
            if (weights[c] != 0) {
                addWeightedSquares(filtered[c], weights[c], energy, frames);
            }
        }
        if (truePeak != null) {
            fillHopPeakFloor(frames);
            truePeak.process(block, frames, peakEnvelope, hopPeakFloor, truePeaks);
        }
        advanceGrid(frames);
        totalFrames += frames;
    }

    /** Copies {@code in} to {@code out}, raises the envelope to |in| and returns the largest |in|. */
    private static float copyAndTrackPeaks(float[] in, double[] out, float[] envelope, int frames) {
        float peak = 0;
        for (int i = 0; i < frames; i++) {
            float x = in[i];
            out[i] = x;
            float magnitude = Math.abs(x);
            peak = Math.max(peak, magnitude);
            envelope[i] = Math.max(envelope[i], magnitude);
        }
        return peak;
    }

    /**
     * Sets each frame's floor to the largest sample peak of its 100 ms step within this block
     * (for the step already under way, also its peak so far): the step's reported peak is at least that.
     */
    private void fillHopPeakFloor(int frames) {
        int hopFrames = gridsPerHop * gridFrames;
        int start = 0;
        int end = Math.min(frames, hopFrames - framesInHop);
        float floor = (float) hopPeak;
        while (start < frames) {
            floor = Math.max(floor, max(peakEnvelope, start, end));
            java.util.Arrays.fill(hopPeakFloor, start, end, floor);
            start = end;
            end = Math.min(frames, start + hopFrames);
            floor = 0;
        }
    }

    private static void addWeightedSquares(double[] y, double weight, double[] energy, int frames) {
        for (int i = 0; i < frames; i++) {
            energy[i] += weight * y[i] * y[i];
        }
    }

    private void advanceGrid(int frames) {
        int i = 0;
        while (i < frames) {
            int hopFramesLeft = gridsPerHop * gridFrames - framesInHop;
            int chunk = Math.min(frames - i, Math.min(hopFramesLeft, gridFrames - currentGridFrames));
            currentGridSum += sum(energy, i, i + chunk);
            hopPeak = Math.max(hopPeak, max(peakEnvelope, i, i + chunk));
            currentGridFrames += chunk;
            framesInHop += chunk;
            i += chunk;
            if (currentGridFrames == gridFrames) {
                finishGrid();
            }
        }
    }

    private static double sum(double[] values, int from, int to) {
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += values[k];
        }
        return sum;
    }

    private static float max(float[] values, int from, int to) {
        float max = 0;
        for (int k = from; k < to; k++) {
            max = Math.max(max, values[k]);
        }
        return max;
    }

    private void finishGrid() {
        gridPowers[(int) (gridsDone % shortTermGrids)] = currentGridSum;
        gridsDone++;
        currentGridSum = 0;
        currentGridFrames = 0;
        boolean hopEnds = gridsDone % gridsPerHop == 0;
        if (gridsDone >= momentaryGrids) {
            double power = windowSum(momentaryGrids) / (momentaryGrids * (double) gridFrames);
            momentary.add(Gating.lufs(power));
            maxMomentaryPower = Math.max(maxMomentaryPower, power);
            if (hopEnds) {
                gatingBlocks.add(power);
            }
        }
        if (gridsDone >= shortTermGrids) {
            double power = windowSum(shortTermGrids) / (shortTermGrids * (double) gridFrames);
            shortTerm.add(Gating.lufs(power));
            maxShortTermPower = Math.max(maxShortTermPower, power);
            if (hopEnds) {
                shortTermBlocks.add(power);
            }
        }
        if (hopEnds) {
            hopPeaks.add(Levels.amplitudeToDb(hopPeak));
            hopPeak = 0;
            framesInHop = 0;
        }
    }

    private double windowSum(int grids) {
        double sum = 0;
        for (long g = gridsDone - grids; g < gridsDone; g++) {
            sum += gridPowers[(int) (g % shortTermGrids)];
        }
        return sum;
    }

    /** Power of a window longer than the programme: what there is, padded with silence. */
    private double paddedWindowPower(int grids) {
        double sum = currentGridSum + windowSum((int) Math.min(gridsDone, grids));
        return sum / (grids * (double) gridFrames);
    }

    /** The measurement of everything accepted so far; call once, after the last block. */
    public LoudnessResult result() {
        if (result != null) {
            return result;
        }
        if (truePeak != null) {
            hopPeak = Math.max(hopPeak, truePeak.flush(truePeaks));
        }
        if (framesInHop > 0) {
            hopPeaks.add(Levels.amplitudeToDb(hopPeak));
        }
        double maxMomentary = momentary.size() == 0 ? paddedWindowPower(momentaryGrids) : maxMomentaryPower;
        double maxShort = shortTerm.size() == 0 ? paddedWindowPower(shortTermGrids) : maxShortTermPower;
        List<Double> channelPeaks = new ArrayList<>();
        double samplePeak = 0;
        double overallPeak = 0;
        for (int c = 0; c < channelCount; c++) {
            double peak = Math.max(samplePeaks[c], truePeaks[c]);
            channelPeaks.add(Levels.amplitudeToDb(peak));
            samplePeak = Math.max(samplePeak, samplePeaks[c]);
            overallPeak = Math.max(overallPeak, peak);
        }
        double stepS = gridStepS();
        double hopS = gridsPerHop * stepS;
        GatingBlocks blocks = new GatingBlocks(gatingBlocks.toArray(), shortTermBlocks.toArray());
        result = new LoudnessResult(
                blocks.integratedLufs(),
                blocks.loudnessRangeLu(),
                Levels.amplitudeToDb(overallPeak),
                Levels.amplitudeToDb(samplePeak),
                Gating.lufs(maxMomentary),
                Gating.lufs(maxShort),
                channelPeaks,
                new TimeSeries(momentaryGrids * stepS, stepS, momentary.toFloatArray()),
                new TimeSeries(shortTermGrids * stepS, stepS, shortTerm.toFloatArray()),
                new TimeSeries(hopS, hopS, hopPeaks.toFloatArray()),
                truePeak != null,
                channelCount,
                totalFrames / (double) sampleRateHz,
                blocks);
        return result;
    }
}
