package dev.mixdojo.dsp.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.mixdojo.dsp.Signals;
import dev.mixdojo.dsp.automation.Param;
import org.junit.jupiter.api.Test;

class PanLawTest {
    private static final double[] POSITIONS = {-1, -0.5, 0, 0.5, 1};

    /** Expected (left, right) amplitude of each law, written from the textbook definitions. */
    private static double[] expected(PanLaw law, double p) {
        double theta = (p + 1) * Math.PI / 4;
        double linearL = (1 - p) / 2;
        double linearR = (1 + p) / 2;
        return switch (law) {
            case CONSTANT_POWER -> new double[] {Math.cos(theta), Math.sin(theta)};
            case LINEAR -> new double[] {linearL, linearR};
            case MINUS_4_5_DB -> new double[] {Math.sqrt(linearL * Math.cos(theta)), Math.sqrt(linearR * Math.sin(theta))};
        };
    }

    private static double db(double amplitude) {
        return 20 * Math.log10(Math.max(amplitude, 1e-12));
    }

    @Test
    void everyLawGivesItsFormulaGainsAtFivePositionsWithinAHundredthOfADecibel() {
        for (PanLaw law : PanLaw.values()) {
            for (double p : POSITIONS) {
                Panner panner = Signals.prepared(new Panner(new PanSettings(Param.of(p), law)), 64, 2);
                float[] left = new float[64];
                float[] right = new float[64];
                java.util.Arrays.fill(left, 0.5f);
                java.util.Arrays.fill(right, 0.5f);
                Signals.run(panner, new float[][] {left, right});
                double[] want = expected(law, p);
                if (want[0] > 1e-9) {
                    assertThat(db(left[63] / 0.5)).as("%s at %s, left", law, p).isCloseTo(db(want[0]), offset(0.01));
                } else {
                    assertThat(left[63]).isCloseTo(0f, offset(1e-6f));
                }
                if (want[1] > 1e-9) {
                    assertThat(db(right[63] / 0.5)).as("%s at %s, right", law, p).isCloseTo(db(want[1]), offset(0.01));
                } else {
                    assertThat(right[63]).isCloseTo(0f, offset(1e-6f));
                }
            }
        }
    }

    @Test
    void theCentreIsMinusThreeMinusFourAndAHalfAndMinusSixDecibels() {
        assertThat(db(PanLaw.CONSTANT_POWER.leftGain(0))).isCloseTo(-3.01, offset(0.01));
        assertThat(db(PanLaw.MINUS_4_5_DB.leftGain(0))).isCloseTo(-4.52, offset(0.01));
        assertThat(db(PanLaw.LINEAR.leftGain(0))).isCloseTo(-6.02, offset(0.01));
    }

    @Test
    void widthZeroMakesMonoAndWidthTwoDoublesTheSide() {
        float[] left = {1f, 0.2f};
        float[] right = {0f, 0.6f};
        var mono = Signals.prepared(new WidthSettings(Param.of(0)).create(), 8, 2);
        Signals.run(mono, new float[][] {left, right});
        assertThat(left).containsExactly(right);
        float[] l2 = {1f};
        float[] r2 = {0f};
        Signals.run(Signals.prepared(new WidthSettings(Param.of(2)).create(), 8, 2), new float[][] {l2, r2});
        assertThat(l2[0]).isCloseTo(1.5f, offset(1e-6f)); // M 0.5 + 2·S 0.5
        assertThat(r2[0]).isCloseTo(-0.5f, offset(1e-6f));
    }

    @Test
    void balanceTurnsDownOnlyTheFarSide() {
        float[] left = {1f};
        float[] right = {1f};
        Signals.run(Signals.prepared(new BalanceSettings(Param.of(0.5)).create(), 8, 2), new float[][] {left, right});
        assertThat(left[0]).isCloseTo(0.5f, offset(1e-6f));
        assertThat(right[0]).isEqualTo(1f);
    }

    @Test
    void polarityInvertsOnlyTheChosenChannel() {
        float[] left = {0.25f};
        float[] right = {0.25f};
        Signals.run(Signals.prepared(new PolaritySettings("right").create(), 8, 2), new float[][] {left, right});
        assertThat(left[0]).isEqualTo(0.25f);
        assertThat(right[0]).isEqualTo(-0.25f);
    }
}
