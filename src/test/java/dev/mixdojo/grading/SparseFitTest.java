package dev.mixdojo.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The fader-and-EQ fit states how sure it is of each move from the bands' own standard errors. */
class SparseFitTest {
    /** Sixth-octave-like bands from 100 Hz up, 4 bins each, on 5.86 Hz bins (8192 points at 48 kHz). */
    static final BandLayout LAYOUT = layout(30);

    @Test
    void aFaderOverNBandsOfEqualErrorIsAsSureAsTheirMean() {
        double[] d = new double[LAYOUT.bands()];
        double[] sigma = new double[d.length];
        Arrays.fill(d, -2);
        Arrays.fill(sigma, 0.3);
        SparseFit fit = new SparseFit(d, sigma, LAYOUT, shape -> shape.bandGainsDb(LAYOUT, null));
        fit.run();
        assertThat(fit.faderDb()).isCloseTo(2, within(1e-6));
        assertThat(fit.shapes()).isEmpty();
        // The standard error of a mean of n values of standard error σ: σ/√n.
        assertThat(fit.linearSigmas()[0]).isCloseTo(0.3 / Math.sqrt(d.length), within(1e-6));
    }

    @Test
    void aBandWhoseBandsAreUncertainIsUncertainToo() {
        double[] d = new double[LAYOUT.bands()];
        EqShape bell = new EqShape(dev.mixdojo.dsp.eq.FilterType.PEAK, 1000, 6, 1, EqShape.Side.TARGET);
        double[] response = bell.bandGainsDb(LAYOUT, null);
        for (int b = 0; b < d.length; b++) {
            d[b] = -response[b];
        }
        double[] sure = new double[d.length];
        Arrays.fill(sure, 0.1);
        double[] unsure = sure.clone();
        for (int b = 0; b < d.length; b++) {
            // The bell's own bands are ten times less certain (a stem another nearly copies there).
            unsure[b] = Math.abs(response[b]) > 1 ? 1 : 0.1;
        }
        SparseFit a = new SparseFit(d, sure, LAYOUT, shape -> shape.bandGainsDb(LAYOUT, null));
        SparseFit b = new SparseFit(d, unsure, LAYOUT, shape -> shape.bandGainsDb(LAYOUT, null));
        a.run();
        b.run();
        assertThat(a.shapes()).hasSize(1);
        assertThat(b.shapes()).hasSize(1);
        assertThat(a.shapes().get(0).gainDb()).isCloseTo(6, within(0.1));
        assertThat(b.linearSigmas()[1]).isGreaterThan(5 * a.linearSigmas()[1]);
    }

    private static BandLayout layout(int bands) {
        int[] first = new int[bands];
        int[] end = new int[bands];
        int[] stride = new int[bands];
        double binHz = 48000 / 8192.0;
        for (int b = 0; b < bands; b++) {
            double lo = 100 * Math.pow(2, b / 6.0 - 1 / 12.0);
            double hi = 100 * Math.pow(2, b / 6.0 + 1 / 12.0);
            first[b] = (int) Math.ceil(lo / binHz);
            end[b] = Math.max(first[b] + 1, (int) Math.ceil(hi / binHz));
            stride[b] = Math.max(1, (end[b] - first[b]) / 4);
        }
        return new BandLayout(binHz, first, end, stride);
    }
}
