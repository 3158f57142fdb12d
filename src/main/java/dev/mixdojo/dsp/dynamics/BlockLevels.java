package dev.mixdojo.dsp.dynamics;

import dev.mixdojo.audio.AudioBuffer;
import java.util.Arrays;

/**
 * Audio read in 10 ms blocks, as a meter integrates it: each whole block's energy, and which blocks
 * are active (within 40 dB of the loudest, so the silence between phrases or hits does not count).
 * Pure and thread-safe.
 */
public final class BlockLevels {
    /** Length of a block (ms): about a level meter's integration time. */
    public static final double BLOCK_MS = 10;
    /** A block is active when its energy is at most this far below the loudest block's (dB). */
    public static final double ACTIVE_RANGE_DB = 40;

    private BlockLevels() {
    }

    /** Frames in one block at this sample rate. */
    public static int blockFrames(int sampleRateHz) {
        return (int) Math.round(BLOCK_MS / 1000 * sampleRateHz);
    }

    /** The energy (sum of squares over all channels) of each whole block. */
    public static double[] energy(AudioBuffer audio) {
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

    /** Which whole blocks are within {@link #ACTIVE_RANGE_DB} of the loudest (none in silence). */
    public static boolean[] active(AudioBuffer audio) {
        double[] energy = energy(audio);
        double loudest = Arrays.stream(energy).max().orElse(0);
        double floor = loudest * Math.pow(10, -ACTIVE_RANGE_DB / 10);
        boolean[] active = new boolean[energy.length];
        for (int b = 0; b < energy.length; b++) {
            active[b] = loudest > 0 && energy[b] >= floor;
        }
        return active;
    }

    /** The highest sample magnitude over all channels, in dBFS (−180 dBFS for silence). */
    public static double peakDbfs(AudioBuffer audio) {
        double peak = 0;
        for (float[] channel : audio.channels()) {
            for (float x : channel) {
                peak = Math.max(peak, Math.abs(x));
            }
        }
        return 20 * Math.log10(Math.max(peak, 1e-9));
    }
}
