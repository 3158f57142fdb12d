package dev.mixdojo.dsp.eq;

/**
 * Turns one EQ band (type, slope, frequency, gain, Q) into its cascade of sections. Steeper
 * low/high-pass slopes are Butterworth cascades: order 2N has sections with
 * Q_k = 1/(2·cos((2k−1)·π/(4N))), k = 1…N (Butterworth pole angles); the band's Q scales the
 * most resonant section, so Q 0.7071 gives a plain Butterworth response.
 */
final class BandDesign {
    private static final double BUTTERWORTH_Q = Math.sqrt(0.5);

    private BandDesign() {
    }

    /** Number of second-order sections the band needs. */
    static int sectionCount(FilterType type, int slopeDbPerOct) {
        return type.hasSlope() ? slopeDbPerOct / 12 : 1;
    }

    /** Q of section {@code k} (0-based) of an {@code n}-section Butterworth cascade, scaled by {@code q/0.7071} on the last. */
    static double sectionQ(int k, int n, double q) {
        if (n == 1) {
            return q;
        }
        double butterworth = 1 / (2 * Math.cos((2 * k + 1) * Math.PI / (4 * n)));
        return k == n - 1 ? butterworth * q / BUTTERWORTH_Q : butterworth;
    }

    /** Writes the band's sections (5 coefficients each) into {@code out} from index 0. Allocation-free. */
    static void design(MatchedDesign design, FilterType type, int sections, double frequencyHz, double gainDb, double q,
            double[] out) {
        switch (type) {
            case PEAK -> design.peak(frequencyHz, q, gainDb, out, 0);
            case LOW_SHELF -> design.lowShelf(frequencyHz, q, gainDb, out, 0);
            case HIGH_SHELF -> design.highShelf(frequencyHz, q, gainDb, out, 0);
            case NOTCH -> design.notch(frequencyHz, q, out, 0);
            case BAND_PASS -> design.bandPass(frequencyHz, q, out, 0);
            case LOW_PASS -> {
                for (int k = 0; k < sections; k++) {
                    design.lowPass(frequencyHz, sectionQ(k, sections, q), out, 5 * k);
                }
            }
            case HIGH_PASS -> {
                for (int k = 0; k < sections; k++) {
                    design.highPass(frequencyHz, sectionQ(k, sections, q), out, 5 * k);
                }
            }
            default -> throw new IllegalStateException("unknown filter type " + type);
        }
    }
}
