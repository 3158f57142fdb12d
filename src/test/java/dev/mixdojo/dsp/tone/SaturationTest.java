package dev.mixdojo.dsp.tone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.mixdojo.dsp.Signals;
import dev.mixdojo.dsp.automation.Param;
import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SaturationTest {
    private static final int FS = 48000;

    @BeforeAll
    static void singleThreadedFft() {
        pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
    }

    private static float[] saturate(Shape shape, double frequencyHz, double levelDb, double driveDb, double mix) {
        var saturation = Signals.prepared(new SaturationSettings(shape, Param.of(driveDb), Param.of(mix)).create(), 2 * FS, 1);
        float[] x = Signals.sine(frequencyHz, levelDb, 2 * FS, FS);
        Signals.run(saturation, new float[][] {x});
        return x;
    }

    /** Power spectrum in dB (1 Hz bins) of the last second, Blackman–Harris windowed (−92 dB side lobes). */
    private static double[] spectrumDb(float[] x) {
        int n = FS;
        double[] frame = new double[n];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            double w = 0.35875 - 0.48829 * Math.cos(t) + 0.14128 * Math.cos(2 * t) - 0.01168 * Math.cos(3 * t);
            frame[i] = x[x.length - n + i] * w;
        }
        new DoubleFFT_1D(n).realForward(frame);
        double[] db = new double[n / 2];
        for (int k = 1; k < n / 2; k++) {
            double re = frame[2 * k];
            double im = frame[2 * k + 1];
            db[k] = 10 * Math.log10(re * re + im * im + 1e-300);
        }
        return db;
    }

    /** Highest non-harmonic component between 20 Hz and 20 kHz, in dB relative to the fundamental. */
    static double worstAliasDbc(float[] x, int fundamentalHz) {
        double[] db = spectrumDb(x);
        double fundamental = db[fundamentalHz];
        double worst = -400;
        for (int k = 20; k <= 20000; k++) {
            int nearestHarmonic = Math.round(k / (float) fundamentalHz) * fundamentalHz;
            if (Math.abs(k - nearestHarmonic) <= 8) {
                continue; // the harmonic itself and its window main lobe
            }
            worst = Math.max(worst, db[k] - fundamental);
        }
        return worst;
    }

    @Test
    void theRationalTanhIsWithinThreeInTenMillionOfTanhExactlyOddAndZeroAtZero() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(6);
        double worst = 0;
        for (int i = 0; i < 100_000; i++) {
            float u = (float) ((random.nextDouble() * 2 - 1) * Math.pow(10, random.nextDouble() * 4 - 2)); // 0.01 … 100, both signs
            worst = Math.max(worst, Math.abs(Shape.tanh(u) - Math.tanh(u)));
            assertThat(Shape.tanh(-u)).isEqualTo(-Shape.tanh(u));
        }
        assertThat(worst).isLessThan(3e-7);
        assertThat(Shape.tanh(0f)).isZero();
        assertThat(1 - Shape.tanh(1000f)).isLessThan(1e-7f);
        assertThat(Shape.tanh(Float.MAX_VALUE)).isEqualTo(Shape.tanh(9f));
    }

    @Test
    void tanhOfAFiveKilohertzSineDrivenEighteenDecibelsHasNoAliasAboveMinusEightyDbc() {
        double alias = worstAliasDbc(saturate(Shape.TANH, 5000, -6, 18, 1), 5000);
        System.out.printf("tanh, 5 kHz at -6 dBFS, 18 dB drive: worst non-harmonic %.1f dBc%n", alias);
        assertThat(alias).isLessThanOrEqualTo(-80);
    }

    @Test
    void theAsymmetricAndSoftClipCurvesAlsoStayBelowMinusEightyDbc() {
        for (Shape shape : new Shape[] {Shape.ASYMMETRIC, Shape.SOFT_CLIP}) {
            double alias = worstAliasDbc(saturate(shape, 5000, -6, 18, 1), 5000);
            System.out.printf("%s, 5 kHz at -6 dBFS, 18 dB drive: worst non-harmonic %.1f dBc%n", shape, alias);
            assertThat(alias).as(shape.name()).isLessThanOrEqualTo(-80);
        }
    }

    @Test
    void theAsymmetricCurveMakesEvenHarmonicsAndTanhDoesNot() {
        double[] tanh = spectrumDb(saturate(Shape.TANH, 1000, -6, 12, 1));
        double[] asymmetric = spectrumDb(saturate(Shape.ASYMMETRIC, 1000, -6, 12, 1));
        assertThat(asymmetric[2000] - asymmetric[1000]).isGreaterThan(-40);
        assertThat(tanh[2000] - tanh[1000]).isLessThan(-100);
    }

    @Test
    void aHalfMixIsTimeAlignedWithTheDrySignalAtLowDrive() {
        // At 0 dB drive tanh is nearly linear for a quiet sine: a 50 % mix must not comb-filter.
        float[] x = saturate(Shape.TANH, 3000, -40, 0, 0.5);
        assertThat(Signals.rmsDb(x, FS, 2 * FS)).isCloseTo(-40 - 3.0103, offset(0.01));
    }
}
