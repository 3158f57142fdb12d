package dev.mixdojo.analysis.loudness;

import java.util.List;

/**
 * The blocks a programme's integrated loudness and loudness range are gated from: the weighted
 * mean squares of the 400 ms gating blocks (BS.1770-4) and of the 3 s short-term blocks (EBU Tech
 * 3342), each every 100 ms. Several programmes' blocks taken together give an album's integrated
 * loudness and range, gated as one programme without the blocks that would straddle two tracks
 * (as libebur128's {@code ebur128_loudness_global_multiple} does). Immutable; about 0.6 MB per hour.
 */
public final class GatingBlocks {
    private final double[] gatingPowers;
    private final double[] shortTermPowers;

    /** Copies the mean squares of the 400 ms blocks and of the 3 s blocks. */
    public GatingBlocks(double[] gatingPowers, double[] shortTermPowers) {
        this.gatingPowers = gatingPowers.clone();
        this.shortTermPowers = shortTermPowers.clone();
    }

    /** The blocks of the programmes one after another, as one programme's. */
    public static GatingBlocks concatenated(List<GatingBlocks> programmes) {
        return new GatingBlocks(concatenate(programmes.stream().map(p -> p.gatingPowers).toList()),
                concatenate(programmes.stream().map(p -> p.shortTermPowers).toList()));
    }

    private static double[] concatenate(List<double[]> parts) {
        double[] out = new double[parts.stream().mapToInt(part -> part.length).sum()];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /** Gated loudness of the 400 ms blocks in LUFS (BS.1770-4); negative infinity when every block is gated out. */
    public double integratedLufs() {
        return Gating.integratedLufs(gatingPowers);
    }

    /** EBU Tech 3342 loudness range of the short-term blocks in LU; NaN without blocks above the gates. */
    public double loudnessRangeLu() {
        return Gating.loudnessRangeLu(shortTermPowers);
    }

    /** Number of 400 ms gating blocks. */
    public int gatingBlockCount() {
        return gatingPowers.length;
    }
}
