package dev.mixdojo.dsp.eq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The EQ's digital response against the analogue prototypes of the RBJ Audio EQ Cookbook at 48 kHz,
 * over the grid the issue promises: f0 20 Hz–16 kHz, Q 0.5–4, gain ±15 dB.
 */
class MatchedResponseTest {
    private static final double FS = 48000;
    private static final double[] QS = {0.5, 0.707, 1, 2, 4};
    private static final double[] GAINS = {-15, -9, -3, 3, 9, 15};
    private static final double[] CHECK_HZ = logSpaced(20, 20000, 400);

    private static double[] logSpaced(double from, double to, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = from * Math.pow(to / from, i / (double) (n - 1));
        }
        return values;
    }

    /** |H(jf)| in dB of (n2·s² + n1·s + n0)/(d2·s² + d1·s + d0) with s = j·f/f0. */
    private static double analogDb(double n2, double n1, double n0, double d2, double d1, double d0, double x) {
        double nr = n0 - n2 * x * x;
        double ni = n1 * x;
        double dr = d0 - d2 * x * x;
        double di = d1 * x;
        return 10 * Math.log10((nr * nr + ni * ni) / (dr * dr + di * di));
    }

    static double peakPrototypeDb(double f, double f0, double q, double gainDb) {
        double a = Math.pow(10, gainDb / 40);
        return analogDb(1, a / q, 1, 1, 1 / (a * q), 1, f / f0);
    }

    static double lowShelfPrototypeDb(double f, double f0, double q, double gainDb) {
        double a = Math.pow(10, gainDb / 40);
        double sa = Math.sqrt(a);
        return 20 * Math.log10(a) + analogDb(1, sa / q, a, a, sa / q, 1, f / f0);
    }

    static double highShelfPrototypeDb(double f, double f0, double q, double gainDb) {
        double a = Math.pow(10, gainDb / 40);
        double sa = Math.sqrt(a);
        return 20 * Math.log10(a) + analogDb(a, sa / q, 1, 1, sa / q, a, f / f0);
    }

    private record Worst(double below5kDb, double above5kDb) {
    }

    private interface Prototype {
        double db(double f, double f0, double q, double gainDb);
    }

    private interface Design {
        BiquadCoefficients make(double f0, double q, double gainDb);
    }

    private static Worst worstError(Prototype prototype, Design design) {
        double below = 0;
        double above = 0;
        for (double f0 : logSpaced(20, 16000, 31)) {
            for (double q : QS) {
                for (double gainDb : GAINS) {
                    BiquadCoefficients c = design.make(f0, q, gainDb);
                    assertThat(c.isStable()).isTrue();
                    for (double f : CHECK_HZ) {
                        double error = Math.abs(c.magnitudeDbAt(f, FS) - prototype.db(f, f0, q, gainDb));
                        if (f < 5000) {
                            below = Math.max(below, error);
                        } else {
                            above = Math.max(above, error);
                        }
                    }
                }
            }
        }
        return new Worst(below, above);
    }

    @Test
    void bellsFollowTheAnaloguePrototypeWithinTwoTenthsOfADecibelBelowFiveKilohertzAndOneDecibelAbove() {
        Worst worst = worstError(MatchedResponseTest::peakPrototypeDb, (f0, q, g) -> BiquadCoefficients.peak(f0, q, g, FS));
        System.out.printf("peak: worst error %.3f dB below 5 kHz, %.3f dB 5-20 kHz%n", worst.below5kDb(), worst.above5kDb());
        assertThat(worst.below5kDb()).isLessThanOrEqualTo(0.2);
        assertThat(worst.above5kDb()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void lowShelvesFollowTheAnaloguePrototypeWithinTheSameTolerances() {
        Worst worst = worstError(MatchedResponseTest::lowShelfPrototypeDb,
                (f0, q, g) -> BiquadCoefficients.lowShelf(f0, q, g, FS));
        System.out.printf("lowshelf: worst error %.3f dB below 5 kHz, %.3f dB 5-20 kHz%n", worst.below5kDb(), worst.above5kDb());
        assertThat(worst.below5kDb()).isLessThanOrEqualTo(0.2);
        assertThat(worst.above5kDb()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void highShelvesFollowTheAnaloguePrototypeWithinTheSameTolerances() {
        Worst worst = worstError(MatchedResponseTest::highShelfPrototypeDb,
                (f0, q, g) -> BiquadCoefficients.highShelf(f0, q, g, FS));
        System.out.printf("highshelf: worst error %.3f dB below 5 kHz, %.3f dB 5-20 kHz%n", worst.below5kDb(), worst.above5kDb());
        assertThat(worst.below5kDb()).isLessThanOrEqualTo(0.2);
        assertThat(worst.above5kDb()).isLessThanOrEqualTo(1.0);
    }

    /** Butterworth-cascade prototype: product of 2nd-order sections with the Butterworth Qs (last one scaled by q/√½). */
    private static double passPrototypeDb(boolean low, int slope, double f, double f0, double q) {
        int n = slope / 12;
        double db = 0;
        for (int k = 0; k < n; k++) {
            double qk = n == 1 ? q : 1 / (2 * Math.cos((2 * k + 1) * Math.PI / (4 * n)));
            if (n > 1 && k == n - 1) {
                qk *= q / Math.sqrt(0.5);
            }
            db += low ? analogDb(0, 0, 1, 1, 1 / qk, 1, f / f0) : analogDb(1, 0, 0, 1, 1 / qk, 1, f / f0);
        }
        return db;
    }

    private static double worstPassError(FilterType type, int slope, double[] qs) {
        double worst = 0;
        for (double f0 : logSpaced(20, 12000, 31)) {
            for (double q : qs) {
                EqSettings band = EqSettings.of(type, f0, 0, q, slope);
                for (double f : CHECK_HZ) {
                    double prototype = passPrototypeDb(type == FilterType.LOW_PASS, slope, f, f0, q);
                    if (prototype > -12) {
                        worst = Math.max(worst, Math.abs(band.magnitudeDbAt(f, FS) - prototype));
                    }
                }
            }
        }
        return worst;
    }

    @Test
    void lowAndHighPassFollowTheirPrototypesWithinOneDecibelWhereverThePrototypeIsAboveMinusTwelve() {
        for (FilterType type : new FilterType[] {FilterType.LOW_PASS, FilterType.HIGH_PASS}) {
            for (int slope : new int[] {12, 24, 36, 48}) {
                double worst = worstPassError(type, slope, slope == 12 ? QS : new double[] {0.7071});
                System.out.printf("%s %d dB/oct: worst error %.3f dB where prototype > -12 dB%n",
                        type.vocabularyName(), slope, worst);
                assertThat(worst).as("%s %d dB/oct", type, slope).isLessThanOrEqualTo(1.0);
            }
        }
    }

    @Test
    void aNineDecibelBellAtSixteenKilohertzPeaksAtNineDecibels() {
        BiquadCoefficients bell = BiquadCoefficients.peak(16000, 1, 9, FS);
        assertThat(bell.magnitudeDbAt(16000, FS)).isCloseTo(9, org.assertj.core.data.Offset.offset(0.3));
    }

    @Test
    void aNotchRemovesItsCentreFrequencyAndPassesDc() {
        BiquadCoefficients notch = BiquadCoefficients.notch(1000, 2, FS);
        assertThat(notch.magnitudeDbAt(1000, FS)).isLessThan(-100);
        assertThat(notch.magnitudeDbAt(1e-3, FS)).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aBandPassIsUnityAtItsCentre() {
        DoubleUnaryOperator centreDb = f0 -> BiquadCoefficients.bandPass(f0, 2, FS).magnitudeDbAt(f0, FS);
        assertThat(centreDb.applyAsDouble(1000)).isCloseTo(0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(centreDb.applyAsDouble(15000)).isCloseTo(0, org.assertj.core.data.Offset.offset(0.5));
    }
}
