package dev.mixdojo.dsp.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.dsp.Signals;
import org.junit.jupiter.api.Test;

class ReverbTest {
    private static final int FS = 48000;

    /**
     * T30 from an impulse response by Schroeder backward integration (ISO 3382-1): the energy decay
     * curve EDC(t) = ∫_t^∞ h², a least-squares line through its −5…−35 dB part, extrapolated to −60 dB.
     */
    static double t30S(float[] left, float[] right) {
        int n = left.length;
        double[] edc = new double[n];
        double sum = 0;
        for (int i = n - 1; i >= 0; i--) {
            sum += (double) left[i] * left[i] + (double) right[i] * right[i];
            edc[i] = sum;
        }
        double total = edc[0];
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            double db = 10 * Math.log10(edc[i] / total);
            if (db <= -5 && db >= -35) {
                double t = i / (double) FS;
                sx += t;
                sy += db;
                sxx += t * t;
                sxy += t * db;
                count++;
            }
        }
        double slope = (count * sxy - sx * sy) / (count * sxx - sx * sx);
        return -60 / slope;
    }

    @Test
    void theMeasuredT30IsWithinTenPercentOfTheSetDecayFromHalfASecondToFiveSeconds() {
        for (double decayS : new double[] {0.5, 1, 2, 5}) {
            var reverb = Signals.prepared(ReverbSettings.of(decayS, 0, 0, 0.5, 1).create(), FS, 2);
            int frames = (int) ((1.3 * decayS + 0.2) * FS);
            float[] left = new float[frames];
            float[] right = new float[frames];
            left[0] = 1;
            right[0] = 1;
            Signals.run(reverb, new float[][] {left, right});
            double t30 = t30S(left, right);
            System.out.printf("reverb decayS %.1f: measured T30 %.3f s (%.1f%%)%n", decayS, t30, 100 * (t30 / decayS - 1));
            assertThat(t30).as("decay %s s", decayS).isBetween(0.9 * decayS, 1.1 * decayS);
        }
    }

    @Test
    void dampingMakesTheHighsDieFasterThanTheLows() {
        var reverb = Signals.prepared(ReverbSettings.of(2, 0, 0.8, 0.5, 1).create(), FS, 2);
        float[] left = new float[2 * FS];
        float[] right = new float[2 * FS];
        left[0] = 1;
        right[0] = 1;
        Signals.run(reverb, new float[][] {left, right});
        // First difference is a crude high-pass: its share of the energy falls over the tail.
        assertThat(highShare(left, FS / 10, FS / 5)).isGreaterThan(2 * highShare(left, FS, FS + FS / 10));
    }

    private static double highShare(float[] x, int from, int to) {
        double all = 0;
        double high = 0;
        for (int i = from; i < to; i++) {
            all += (double) x[i] * x[i];
            double d = x[i] - x[i - 1];
            high += d * d;
        }
        return high / all;
    }

    @Test
    void predelayHoldsTheReverbBackByItsTime() {
        var reverb = Signals.prepared(ReverbSettings.of(1, 50, 0, 0.5, 1).create(), FS, 2);
        float[] left = new float[FS];
        float[] right = new float[FS];
        left[0] = 1;
        right[0] = 1;
        Signals.run(reverb, new float[][] {left, right});
        assertThat(Signals.peakDb(left, 0, 2400)).isLessThan(-200);
        assertThat(Signals.peakDb(left, 2400, FS)).isGreaterThan(-40);
    }
}
