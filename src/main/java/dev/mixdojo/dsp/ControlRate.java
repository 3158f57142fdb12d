package dev.mixdojo.dsp;

/**
 * The control-rate grid for parameters that are costly to recompute (filter coefficients, decay
 * gains): while such a parameter moves, it is recomputed every {@link #FRAMES} samples, on sample
 * positions that are multiples of {@link #FRAMES} counted from the last reset, so the result never
 * depends on how the audio was cut into blocks.
 */
public final class ControlRate {
    /** Samples between recomputations while parameters move (0.67 ms at 48 kHz). */
    public static final int FRAMES = 32;

    private ControlRate() {
    }

    /** How many of the {@code remaining} frames to process before the next grid point (all of them if steady). */
    public static int chunk(long position, int remaining, boolean moving) {
        return moving ? (int) Math.min(remaining, FRAMES - position % FRAMES) : remaining;
    }

    /** Whether {@code position} is on the grid, where moving parameters are recomputed. */
    public static boolean onGrid(long position) {
        return position % FRAMES == 0;
    }
}
