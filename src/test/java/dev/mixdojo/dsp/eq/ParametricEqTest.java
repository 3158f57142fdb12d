package dev.mixdojo.dsp.eq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.mixdojo.dsp.Signals;
import dev.mixdojo.dsp.automation.Breakpoint;
import dev.mixdojo.dsp.automation.Curve;
import dev.mixdojo.dsp.automation.Envelope;
import dev.mixdojo.dsp.automation.Param;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParametricEqTest {
    private static final int FS = 48000;

    /** Textbook direct form I in double precision, one section after another. */
    private static double[] directFormOne(List<BiquadCoefficients> sections, float[] input) {
        double[] x = new double[input.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = input[i];
        }
        for (BiquadCoefficients c : sections) {
            double[] y = new double[x.length];
            for (int n = 0; n < x.length; n++) {
                double x1 = n >= 1 ? x[n - 1] : 0;
                double x2 = n >= 2 ? x[n - 2] : 0;
                double y1 = n >= 1 ? y[n - 1] : 0;
                double y2 = n >= 2 ? y[n - 2] : 0;
                y[n] = c.b0() * x[n] + c.b1() * x1 + c.b2() * x2 - c.a1() * y1 - c.a2() * y2;
            }
            x = y;
        }
        return x;
    }

    @Test
    void theFastCascadeMatchesADirectFormOneReferenceOnSeededNoise() {
        List<EqSettings> bands = List.of(EqSettings.of(FilterType.HIGH_PASS, 60, 0, 0.7071, 24),
                EqSettings.of(FilterType.PEAK, 800, -5, 1.5, 12), EqSettings.of(FilterType.HIGH_SHELF, 8000, 4, 0.7, 12),
                EqSettings.of(FilterType.LOW_PASS, 15000, 0, 0.7071, 12));
        float[] input = Signals.noise(42, FS / 4, 0.5);
        float[] fast = input.clone();
        Signals.run(Signals.prepared(new ParametricEq(bands), FS, 1), new float[][] {fast});
        java.util.ArrayList<BiquadCoefficients> sections = new java.util.ArrayList<>();
        for (EqSettings band : bands) {
            sections.addAll(band.sections(FS));
        }
        double[] reference = directFormOne(sections, input);
        double worst = 0;
        for (int i = 0; i < fast.length; i++) {
            worst = Math.max(worst, Math.abs(fast[i] - reference[i]));
        }
        // Float storage between sections costs about 2^-24 relative per section; nothing more.
        assertThat(worst).isLessThan(1e-5);
    }

    @Test
    void aSineThroughABellComesOutAtTheReportedGain() {
        EqSettings bell = EqSettings.of(FilterType.PEAK, 1000, 6, 1, 12);
        float[] x = Signals.sine(1000, -20, FS, FS);
        Signals.run(Signals.prepared(new ParametricEq(List.of(bell)), FS, 1), new float[][] {x});
        assertThat(Signals.rmsDb(x, FS / 2, FS) - (-20 - 3.0103)).isCloseTo(bell.magnitudeDbAt(1000, FS), offset(0.01));
        assertThat(bell.magnitudeDbAt(1000, FS)).isCloseTo(6, offset(0.05));
    }

    @Test
    void aFrequencySweepMovesSmoothlyWithoutClicks() {
        // A boost swept from 200 Hz to 8 kHz over a steady tone: successive samples never jump.
        Envelope sweep = new Envelope(List.of(new Breakpoint(0, 200), new Breakpoint(0.5, 8000)), Curve.LINEAR);
        EqSettings band = new EqSettings(FilterType.PEAK, new Param.Automated(sweep), Param.of(12), Param.of(2), 12);
        float[] x = Signals.sine(1000, -6, FS, FS);
        Signals.run(Signals.prepared(new ParametricEq(List.of(band)), 256, 1), new float[][] {x});
        double largestStep = 0;
        for (int i = 1; i < x.length; i++) {
            largestStep = Math.max(largestStep, Math.abs(x[i] - x[i - 1]));
        }
        // A 1 kHz sine at up to +12 dB (amplitude ≤ 2.0) moves at most 2·2π·1000/48000 ≈ 0.26 per sample.
        assertThat(largestStep).isLessThan(0.3);
    }

    /** A 24 dB/octave low-pass whose cutoff moves linearly in Hz from 500 Hz to 8 kHz over the first {@code sweepS} seconds, then rests. */
    private static EqSettings sweptLowPass(double sweepS) {
        Envelope sweep = new Envelope(List.of(new Breakpoint(0, 500), new Breakpoint(sweepS, 8000)), Curve.LINEAR);
        return new EqSettings(FilterType.LOW_PASS, new Param.Automated(sweep), Param.of(0), Param.of(0.7071), 24);
    }

    @Test
    void aSlowSweepFollowsTheStaticResponseWithinATenthOfADecibel() {
        // The band is redesigned only once its cutoff has moved 1/512 octave: through a 2 kHz tone, each
        // 10 ms of the output must still be as loud as the static filter at that moment's cutoff makes it.
        // The cutoff moves 2.7 octaves/s at the start and 0.17 at the end.
        double sweepS = 8;
        float[] x = Signals.sine(2000, -20, (int) (sweepS * FS), FS);
        Signals.run(Signals.prepared(new ParametricEq(List.of(sweptLowPass(sweepS))), 4096, 1), new float[][] {x});
        int window = FS / 100;
        double worstDb = 0;
        int compared = 0;
        for (int from = FS / 10; from + window <= x.length; from += window) {
            double cutoffHz = 500 + 7500 * (from + window / 2.0) / (sweepS * FS);
            double expectedDb = -20 - 3.0103 + EqSettings.of(FilterType.LOW_PASS, cutoffHz, 0, 0.7071, 24).magnitudeDbAt(2000, FS);
            if (expectedDb > -60) {
                worstDb = Math.max(worstDb, Math.abs(Signals.rmsDb(x, from, from + window) - expectedDb));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(700);
        assertThat(worstDb).isLessThan(0.1);
    }

    @Test
    void aSweepThatComesToRestEndsOnTheExactDesignOfItsLastValue() {
        // After the sweep the output is the static 8 kHz filter's, to float precision: the resting value
        // is designed exactly, not left a step short.
        float[] swept = Signals.sine(7000, -6, FS * 2, FS);
        float[] fixed = swept.clone();
        Signals.run(Signals.prepared(new ParametricEq(List.of(sweptLowPass(1))), 4096, 1), new float[][] {swept});
        Signals.run(Signals.prepared(new ParametricEq(List.of(EqSettings.of(FilterType.LOW_PASS, 8000, 0, 0.7071, 24))), 4096, 1),
                new float[][] {fixed});
        double worst = 0;
        for (int i = FS * 3 / 2; i < swept.length; i++) {
            worst = Math.max(worst, Math.abs(swept[i] - fixed[i]));
        }
        assertThat(worst).isLessThan(1e-6);
    }
}
