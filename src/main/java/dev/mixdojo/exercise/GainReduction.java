package dev.mixdojo.exercise;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.dsp.AudioBlock;
import dev.mixdojo.dsp.ProcessSpec;
import dev.mixdojo.dsp.chain.ChainRenderer;
import dev.mixdojo.dsp.dynamics.Dynamics;
import dev.mixdojo.dsp.dynamics.DynamicsSettings;
import java.util.Arrays;

/**
 * How much a compressor turns an excerpt down, as a gain-reduction meter shows it on the hits:
 * the compressor's own per-sample gain reduction, averaged over 10 ms blocks, and the 95th
 * percentile of those blocks among the excerpt's active ones (within 40 dB of its loudest block,
 * so silence between phrases does not count). The percentile rather than the maximum, so one
 * stray peak does not set the answer; rather than the mean, so a sparse drum part that is only
 * compressed on its hits reads what the meter swings to on each hit.
 */
final class GainReduction {
    /** Length of the blocks the gain reduction is averaged over (ms): about a meter's integration time. */
    static final double BLOCK_MS = 10;
    /** A block is active when its level is at most this far below the loudest block (dB). */
    static final double ACTIVE_RANGE_DB = 40;
    /** Which share of the active blocks have at most the gain reduction reported. */
    static final double PERCENTILE = 0.95;

    private GainReduction() {
    }

    /** The gain reduction (dB, ≥ 0) the compressor applies to the excerpt on its hits, as defined above. */
    static double onHitsDb(AudioBuffer excerpt, DynamicsSettings compressor) {
        return percentile(traceDb(excerpt, compressor), PERCENTILE);
    }

    /**
     * The compressor's own gain reduction (dB, ≥ 0) on the excerpt, averaged over each active 10 ms
     * block, in time order: the trace a gain-reduction meter draws while the excerpt plays.
     */
    static double[] traceDb(AudioBuffer excerpt, DynamicsSettings compressor) {
        float[] perSample = new float[excerpt.frames()];
        Dynamics dynamics = new Dynamics(compressor);
        dynamics.prepare(new ProcessSpec(excerpt.sampleRateHz(), ChainRenderer.BLOCK_FRAMES, excerpt.channelCount()));
        dynamics.recordGainReduction(perSample);
        AudioBuffer copy = excerpt.copy();
        AudioBlock block = AudioBlock.of(copy);
        for (int start = 0; start < copy.frames(); start += ChainRenderer.BLOCK_FRAMES) {
            dynamics.process(block.set(copy.channels(), start, Math.min(ChainRenderer.BLOCK_FRAMES, copy.frames() - start)));
        }
        int blockFrames = blockFrames(excerpt.sampleRateHz());
        boolean[] active = activeBlocks(excerpt);
        double[] perBlock = new double[active.length];
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
        return Arrays.copyOf(perBlock, count);
    }

    /**
     * The threshold (dBFS) at which {@code compressor} (its other settings kept) reduces the excerpt
     * by {@code targetDb} on its hits, within {@link #TOLERANCE_DB}. Gain reduction falls as the threshold
     * rises and is nearly straight in it above the knee, so regula falsi with the Illinois fix
     * (Dowell &amp; Jarratt 1971) needs few renders, where bisection would need ten or more.
     */
    static double thresholdFor(AudioBuffer excerpt, double targetDb, ThresholdedCompressor compressor) {
        double high = Math.min(0, peakDbfs(excerpt));
        double low = Math.max(-80, high - 60);
        double fLow = onHitsDb(excerpt, compressor.at(low)) - targetDb;
        double fHigh = onHitsDb(excerpt, compressor.at(high)) - targetDb;
        if (fLow < 0) {
            throw new BadInputException("the excerpt is too quiet to be compressed by "
                    + Quantity.AMOUNT_DB.format(targetDb) + "; choose louder material");
        }
        int side = 0;
        for (int i = 0; i < 30 && fHigh < 0; i++) {
            double middle = (low * fHigh - high * fLow) / (fHigh - fLow);
            double f = onHitsDb(excerpt, compressor.at(middle)) - targetDb;
            if (Math.abs(f) < TOLERANCE_DB) {
                return middle;
            }
            if (f > 0) {
                low = middle;
                fLow = f;
                if (side == -1) {
                    fHigh /= 2;
                }
                side = -1;
            } else {
                high = middle;
                fHigh = f;
                if (side == 1) {
                    fLow /= 2;
                }
                side = 1;
            }
        }
        return fHigh >= 0 ? high : (low + high) / 2;
    }

    /** How close (dB) the gain reduction found for a threshold must come to the one asked for. */
    static final double TOLERANCE_DB = 0.05;

    /** The highest sample magnitude over all channels, in dBFS. */
    static double peakDbfs(AudioBuffer audio) {
        double peak = 0;
        for (float[] channel : audio.channels()) {
            for (float x : channel) {
                peak = Math.max(peak, Math.abs(x));
            }
        }
        return 20 * Math.log10(Math.max(peak, 1e-9));
    }

    /** A compressor whose settings are fixed except its threshold. */
    interface ThresholdedCompressor {
        /** The settings with this threshold in dBFS. */
        DynamicsSettings at(double thresholdDb);
    }

    /** Frames in one metering block at this sample rate. */
    static int blockFrames(int sampleRateHz) {
        return (int) Math.round(BLOCK_MS / 1000 * sampleRateHz);
    }

    /** Which whole blocks of the excerpt are within {@link #ACTIVE_RANGE_DB} of its loudest block. */
    static boolean[] activeBlocks(AudioBuffer excerpt) {
        double[] energy = blockEnergy(excerpt);
        double loudest = Arrays.stream(energy).max().orElse(0);
        double floor = loudest * Math.pow(10, -ACTIVE_RANGE_DB / 10);
        boolean[] active = new boolean[energy.length];
        for (int b = 0; b < energy.length; b++) {
            active[b] = loudest > 0 && energy[b] >= floor;
        }
        return active;
    }

    /** The energy (sum of squares over all channels) of each whole metering block. */
    static double[] blockEnergy(AudioBuffer audio) {
        int blockFrames = blockFrames(audio.sampleRateHz());
        double[] energy = new double[audio.frames() / blockFrames];
        for (float[] channel : audio.channels()) {
            for (int b = 0; b < energy.length; b++) {
                for (int i = b * blockFrames; i < (b + 1) * blockFrames; i++) {
                    energy[b] += (double) channel[i] * channel[i];
                }
            }
        }
        return energy;
    }

    /** The value below which {@code share} of the values lie (nearest rank); 0 for none. */
    static double percentile(double[] values, double share) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(share * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }
}
