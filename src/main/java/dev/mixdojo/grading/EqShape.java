package dev.mixdojo.grading;

import dev.mixdojo.dsp.eq.FilterType;
import java.util.List;

/**
 * What one EQ band does to a stem's third-octave band gains as {@link StemEstimator} measures them: the
 * least-squares gain of a band is the mean of the filter's complex response over the band's bins, so a narrow
 * bell counts for less than its peak. The response is the analog prototype of the RBJ cookbook designs (peak
 * and shelves; R. Bristow-Johnson, "Cookbook formulae for audio EQ biquad filter coefficients"), which the
 * matched design of {@code dsp.eq} follows up to near Nyquist. Pure.
 *
 * <p>A fix undoes a difference in one of two ways, and the band averages tell them apart when a band is narrow
 * against a third of an octave: the target has this band and the mix has not ({@link Side#TARGET}: the mix's
 * gains move by the band's average), or the mix has the inverse band, which this one cancels ({@link Side#MIX}:
 * the mix's gains are the inverse's average, which the fix takes back to flat). The cookbook's peak and shelves
 * with the gain negated are exact inverses.
 *
 * @param type        peak, lowshelf or highshelf
 * @param frequencyHz the centre (peak) or corner (shelf) frequency, in Hz
 * @param gainDb      the gain at the centre or on the shelf, in dB
 * @param q           the bandwidth (shelves use 0.7071, a maximally flat shelf)
 * @param side        which mix the difference lives in
 */
record EqShape(FilterType type, double frequencyHz, double gainDb, double q, Side side) {

    /** Where the difference the band fixes lives. */
    enum Side {
        /** The target has this band; the mix is flat there. */
        TARGET,
        /** The mix has the inverse of this band; the target is flat there. */
        MIX
    }
    /** The same shape with another gain. */
    EqShape withGainDb(double newGainDb) {
        return new EqShape(type, frequencyHz, newGainDb, q, side);
    }

    /** The same shape on the other side. */
    EqShape otherSide() {
        return new EqShape(type, frequencyHz, gainDb, q, side == Side.TARGET ? Side.MIX : Side.TARGET);
    }

    /**
     * The gain (dB) this band gives each band of {@code layout}, averaged as the estimator averages it: the mean of the
     * complex response over the band's bins weighted by the stem's power in each ({@code binPower}, per band; null:
     * equal weights); 0 for a band without bins.
     */
    double[] bandGainsDb(BandLayout layout, List<double[]> binPower) {
        double[] out = new double[layout.bands()];
        for (int b = 0; b < out.length; b++) {
            double[] weights = binPower == null ? null : binPower.get(b);
            double[][] response = responses(layout.binsHz(b));
            double re = 0;
            double im = 0;
            double total = 0;
            for (int k = 0; k < response[0].length; k++) {
                double weight = weights == null ? 1 : weights[k];
                total += weight;
                re += weight * response[0][k];
                im += weight * response[1][k];
            }
            out[b] = total > 0 ? 10 * Math.log10((re * re + im * im) / (total * total)) : 0;
        }
        return out;
    }

    /** The complex response at each of {@code hz}, {re[], im[]} (the prototype worked out once). */
    double[][] responses(double[] hz) {
        double[][] c = prototype();
        double[][] out = new double[2][hz.length];
        for (int k = 0; k < hz.length; k++) {
            double w = hz[k] / frequencyHz;
            double nr = c[0][2] - c[0][0] * w * w;
            double ni = c[0][1] * w;
            double dr = c[1][2] - c[1][0] * w * w;
            double di = c[1][1] * w;
            double d2 = dr * dr + di * di;
            out[0][k] = (nr * dr + ni * di) / d2;
            out[1][k] = (ni * dr - nr * di) / d2;
        }
        return out;
    }

    /** The analog prototype's numerator and denominator, {c2, c1, c0} each, in s normalised to the frequency. */
    private double[][] prototype() {
        double a = Math.pow(10, gainDb / 40);
        return switch (type) {
            case PEAK -> new double[][] {{1, a / q, 1}, {1, 1 / (a * q), 1}};
            case LOW_SHELF -> {
                double s = Math.sqrt(a) / q;
                yield new double[][] {{a, a * s, a * a}, {a, s, 1}};
            }
            case HIGH_SHELF -> {
                double s = Math.sqrt(a) / q;
                yield new double[][] {{a * a, a * s, a}, {1, s, a}};
            }
            default -> throw new IllegalArgumentException("no shape for " + type);
        };
    }
}
