package dev.mixdojo.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The formant probe finds the resonances of a known vocal-tract filter, not its envelope's bumps. */
class SignalProbesTest {
    @Test
    void theFormantProbeFindsTheResonancesOfAKnownAllPoleFilterWithinTenPercent() {
        List<double[]> frames = SignalProbes.formantsHz(pulsesThroughResonators(130, new double[] {500, 1500, 2500}));
        assertThat(frames).hasSizeGreaterThan(20);
        // LPC pulls a formant towards the nearest harmonic (here 130 Hz apart), hence 10 %.
        for (double[] f : frames.subList(2, frames.size() - 2)) {
            assertThat(f[0]).isCloseTo(500, within(50.0));
            assertThat(f[1]).isCloseTo(1500, within(150.0));
            assertThat(f[2]).isCloseTo(2500, within(250.0));
        }
    }

    @Test
    void aWeakSecondFormantOnTheSkirtOfTheFirstStillCountsAsTheSecondFormant() {
        // An alto "u" (Csound tables): F1 325 and F2 700 Hz, F3 2530 and F4 3500 Hz; the F1–F2 pair
        // makes one envelope peak with a shoulder, so the third envelope peak would be F4.
        List<double[]> frames = SignalProbes.formantsHz(pulsesThroughResonators(220, new double[] {325, 700, 2530, 3500}));
        assertThat(frames).hasSizeGreaterThan(20);
        for (double[] f : frames.subList(2, frames.size() - 2)) {
            assertThat(f[1]).isCloseTo(700, within(70.0));
            assertThat(f[2]).isCloseTo(2530, within(250.0));
        }
    }

    /**
     * One second of an impulse train at {@code pitchHz} through a cascade of two-pole resonators of
     * 80 Hz bandwidth at 48 kHz (the cascade vocal-tract model, Fant 1960): an all-pole signal whose
     * formants are known exactly.
     */
    private static float[] pulsesThroughResonators(double pitchHz, double[] formantsHz) {
        int rate = SignalProbes.RATE_HZ;
        double[] x = new double[rate];
        for (double t = 0.01; t < 1; t += 1 / pitchHz) {
            x[(int) Math.round(t * rate)] = 1;
        }
        for (double formantHz : formantsHz) {
            double r = Math.exp(-Math.PI * 80 / rate);
            double a1 = -2 * r * Math.cos(2 * Math.PI * formantHz / rate);
            double a2 = r * r;
            double y1 = 0;
            double y2 = 0;
            for (int i = 0; i < x.length; i++) {
                double y = x[i] - a1 * y1 - a2 * y2;
                y2 = y1;
                y1 = y;
                x[i] = y;
            }
        }
        double peak = 0;
        for (double v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) (0.5 * x[i] / peak);
        }
        return out;
    }
}
