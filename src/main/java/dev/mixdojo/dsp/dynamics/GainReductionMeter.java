package dev.mixdojo.dsp.dynamics;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.dsp.Decibels;
import dev.mixdojo.dsp.OfflineRenderer;
import java.util.Arrays;
import java.util.Optional;

/**
 * How much a compressor turns audio down, as a gain-reduction meter shows it on the hits: the
 * compressor's own per-sample gain reduction averaged over each active {@link BlockLevels} block,
 * and the 95th percentile of those blocks. The percentile rather than the maximum, so one stray peak
 * does not set the reading; rather than the mean, so a sparse drum part compressed only on its hits
 * reads what the meter swings to on each hit. One meter holds one excerpt and computes what does
 * not depend on the compressor once. Not thread-safe.
 */
public final class GainReductionMeter {
    /** Which share of the active blocks have at most the gain reduction read on the hits. */
    public static final double PERCENTILE = 0.95;
    /**
     * The sum over one control step of the model's straight line from the previous reduction to the
     * new one, in units of their difference: Σ (k + 1)/STEP for k = 0 … STEP − 1.
     */
    private static final double RAMP_SUM = (Dynamics.STEP + 1) / 2.0;

    private final AudioBuffer audio;
    private final int blockFrames;
    private final boolean[] active;
    private final int activeCount;
    private final float[] perSample;
    private double[] stepPeakDb;
    private DynamicsSettings renderedSettings;
    private AudioBuffer rendered;
    private double[] renderedTrace;

    /** A meter for {@code audio} (untouched). */
    public GainReductionMeter(AudioBuffer audio) {
        this.audio = audio;
        this.blockFrames = BlockLevels.blockFrames(audio.sampleRateHz());
        this.active = BlockLevels.active(audio);
        int count = 0;
        for (boolean a : active) {
            count += a ? 1 : 0;
        }
        this.activeCount = count;
        this.perSample = new float[audio.frames()];
    }

    /** The gain reduction (dB, ≥ 0) {@code compressor} applies to {@code audio} on its hits. */
    public static double onHitsDb(AudioBuffer audio, DynamicsSettings compressor) {
        return new GainReductionMeter(audio).onHitsDb(compressor);
    }

    /** {@link #traceDb(DynamicsSettings)} on a meter of its own. */
    public static double[] traceDb(AudioBuffer audio, DynamicsSettings compressor) {
        return new GainReductionMeter(audio).traceDb(compressor);
    }

    /** The reading on the hits of a trace of block reductions (dB): its {@link #PERCENTILE} (nearest rank; 0 for none). */
    public static double onHitsDb(double[] traceDb) {
        if (traceDb.length == 0) {
            return 0;
        }
        double[] sorted = traceDb.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(PERCENTILE * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    /** The audio this meter reads. */
    public AudioBuffer audio() {
        return audio;
    }

    /** The gain reduction on the hits from a real render of the compressor (kept for {@link #renderedAt}). */
    public double onHitsDb(DynamicsSettings compressor) {
        return onHitsDb(traceDb(compressor));
    }

    /**
     * The compressor's own gain reduction (dB, ≥ 0) averaged over each active block, in time order: the
     * trace a gain-reduction meter draws while the audio plays. The compressor renders alone, as a
     * one-step chain would render it; the render and the trace are kept for {@link #renderedAt}.
     */
    public double[] traceDb(DynamicsSettings compressor) {
        Dynamics dynamics = new Dynamics(compressor);
        dynamics.recordGainReduction(perSample);
        rendered = OfflineRenderer.render(dynamics, compressor.needsStereo(), audio);
        renderedSettings = compressor;
        double[] perBlock = new double[activeCount];
        int count = 0;
        for (int b = 0; b < active.length; b++) {
            if (active[b]) {
                double sum = 0;
                for (int i = b * blockFrames; i < (b + 1) * blockFrames; i++) {
                    sum += perSample[i];
                }
                perBlock[count++] = sum / blockFrames;
            }
        }
        renderedTrace = perBlock;
        return perBlock.clone();
    }

    /** The audio as the last real render left it, if that render was with these settings. */
    public Optional<AudioBuffer> renderedAt(DynamicsSettings compressor) {
        return compressor.equals(renderedSettings) ? Optional.of(rendered) : Optional.empty();
    }

    /** The reading on the hits of the last real render, if that render was with these settings. */
    public Optional<Double> renderedOnHitsDb(DynamicsSettings compressor) {
        return compressor.equals(renderedSettings) ? Optional.of(onHitsDb(renderedTrace)) : Optional.empty();
    }

    /**
     * A model of {@link #onHitsDb(DynamicsSettings)} for a peak-sensing, stereo-linked compressor, cheap
     * enough to run at every step of a search. As {@link Dynamics} does, every {@link Dynamics#STEP}
     * frames it takes the step's largest magnitude over all channels, its reduction on the static curve
     * ({@link GainComputer}, Giannoulis 2012 eq. 4) and a one-pole smoother in dB with the compressor's
     * own step coefficient ({@link Dynamics#stepCoefficient}, eq. 17); the reduction recorded over the
     * next step runs from the old value to the new, which the model takes as straight in dB (the
     * compressor interpolates the gain). Other detectors only make the model a rougher guess.
     */
    public double modelOnHitsDb(DynamicsSettings compressor) {
        if (stepPeakDb == null) {
            stepPeakDb = stepPeaksDb();
        }
        int step = Dynamics.STEP;
        double thresholdDb = compressor.thresholdDb().valueAt(0);
        double ratio = compressor.effectiveRatio(compressor.ratio().valueAt(0));
        double kneeDb = compressor.kneeDb().valueAt(0);
        double rateHz = audio.sampleRateHz();
        double attack = Dynamics.stepCoefficient(compressor.attackMs().valueAt(0), rateHz);
        double release = Dynamics.stepCoefficient(compressor.releaseMs().valueAt(0), rateHz);
        double[] sums = new double[active.length];
        double previous = 0;
        double current = 0;
        int frame = step; // the first step's reduction is heard from the second step on
        for (double levelDb : stepPeakDb) {
            double target = levelDb - GainComputer.compress(levelDb, thresholdDb, ratio, kneeDb);
            previous = current;
            current = target + (target > current ? attack : release) * (current - target);
            int block = frame / blockFrames;
            if (block < sums.length) {
                if ((frame + step - 1) / blockFrames == block) {
                    sums[block] += step * previous + RAMP_SUM * (current - previous);
                } else {
                    for (int k = 0; k < step; k++) {
                        int b = (frame + k) / blockFrames;
                        if (b < sums.length) {
                            sums[b] += previous + (current - previous) * (k + 1) / step;
                        }
                    }
                }
            }
            frame += step;
        }
        double[] perBlock = new double[activeCount];
        int count = 0;
        for (int b = 0; b < active.length; b++) {
            if (active[b]) {
                perBlock[count++] = sums[b] / blockFrames;
            }
        }
        return onHitsDb(perBlock);
    }

    /** The largest magnitude over all channels in each whole control step, in dBFS, as the compressor reads it. */
    private double[] stepPeaksDb() {
        int step = Dynamics.STEP;
        double[] peaks = new double[audio.frames() / step];
        for (float[] channel : audio.channels()) {
            for (int s = 0; s < peaks.length; s++) {
                double peak = peaks[s];
                for (int i = s * step; i < (s + 1) * step; i++) {
                    peak = Math.max(peak, Math.abs(channel[i]));
                }
                peaks[s] = peak;
            }
        }
        for (int s = 0; s < peaks.length; s++) {
            peaks[s] = Decibels.fromGain(peaks[s] + Dynamics.SILENCE);
        }
        return peaks;
    }
}
