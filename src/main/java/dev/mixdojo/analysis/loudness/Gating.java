package dev.mixdojo.analysis.loudness;

import java.util.Arrays;

/** The gated averages of BS.1770-4 (integrated loudness) and EBU Tech 3342 (loudness range); pure. */
final class Gating {
    /** BS.1770 Eq. 2: L = −0.691 + 10·log10(Σ G_i·z_i). */
    static final double OFFSET_DB = -0.691;
    static final double ABSOLUTE_GATE_LUFS = -70.0;
    static final double RELATIVE_GATE_LU = -10.0;
    static final double LRA_RELATIVE_GATE_LU = -20.0;

    private Gating() {
    }

    static double lufs(double meanSquare) {
        return meanSquare > 0 ? OFFSET_DB + 10.0 * Math.log10(meanSquare) : Double.NEGATIVE_INFINITY;
    }

    private static double power(double lufs) {
        return Math.pow(10.0, (lufs - OFFSET_DB) / 10.0);
    }

    /**
     * Integrated loudness from the weighted mean squares of the 400 ms gating blocks (75 % overlap):
     * blocks above −70 LUFS, then blocks above (their power mean − 10 LU); the powers are averaged,
     * and the relative gate is strict ("greater than"), as BS.1770-4 §2.8 writes it.
     */
    static double integratedLufs(double[] blockPowers) {
        double absolute = power(ABSOLUTE_GATE_LUFS);
        double sum = 0;
        int count = 0;
        for (double p : blockPowers) {
            if (p > absolute) {
                sum += p;
                count++;
            }
        }
        if (count == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double relative = power(lufs(sum / count) + RELATIVE_GATE_LU);
        double gatedSum = 0;
        int gatedCount = 0;
        for (double p : blockPowers) {
            if (p > absolute && p > relative) {
                gatedSum += p;
                gatedCount++;
            }
        }
        return gatedCount == 0 ? Double.NEGATIVE_INFINITY : lufs(gatedSum / gatedCount);
    }

    /**
     * EBU Tech 3342 loudness range from short-term (3 s) mean squares taken at 10 Hz: gate at
     * −70 LUFS, then at the power mean − 20 LU; LRA is the 95th minus the 10th percentile of the
     * remaining levels (nearest rank, as in the Tech 3342 reference code). NaN without blocks.
     */
    static double loudnessRangeLu(double[] shortTermPowers) {
        double absolute = power(ABSOLUTE_GATE_LUFS);
        double sum = 0;
        int count = 0;
        for (double p : shortTermPowers) {
            if (p >= absolute) {
                sum += p;
                count++;
            }
        }
        if (count == 0) {
            return Double.NaN;
        }
        double relative = power(lufs(sum / count) + LRA_RELATIVE_GATE_LU);
        double[] levels = new double[count];
        int n = 0;
        for (double p : shortTermPowers) {
            if (p >= absolute && p >= relative) {
                levels[n++] = lufs(p);
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(levels, n);
        Arrays.sort(sorted);
        double low = sorted[(int) Math.round((n - 1) * 0.10)];
        double high = sorted[(int) Math.round((n - 1) * 0.95)];
        return high - low;
    }
}
