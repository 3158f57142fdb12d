package dev.mixdojo.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BiquadTest {
    @Test
    void kWeightingAt48KilohertzMatchesBs1770TableOne() {
        Biquad shelf = Biquad.kWeightingShelf(48000);
        assertThat(shelf.b0()).isCloseTo(1.53512485958697, within(1e-9));
        assertThat(shelf.b1()).isCloseTo(-2.69169618940638, within(1e-9));
        assertThat(shelf.b2()).isCloseTo(1.19839281085285, within(1e-9));
        assertThat(shelf.a1()).isCloseTo(-1.69065929318241, within(1e-9));
        assertThat(shelf.a2()).isCloseTo(0.73248077421585, within(1e-9));
        Biquad highPass = Biquad.kWeightingHighPass(48000);
        assertThat(new double[] {highPass.b0(), highPass.b1(), highPass.b2()}).containsExactly(1, -2, 1);
        assertThat(highPass.a1()).isCloseTo(-1.99004745483398, within(1e-9));
        assertThat(highPass.a2()).isCloseTo(0.99007225036621, within(1e-9));
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {32000, 44100, 88200, 96000, 192000})
    void kWeightingAtOtherRatesHasTheSameResponseAsAt48Kilohertz(int sampleRateHz) {
        for (double f : new double[] {20, 50, 100, 1000, 4000, 10000}) {
            double at48 = kWeightingDb(f, 48000);
            assertThat(kWeightingDb(f, sampleRateHz)).as("%s Hz", f).isCloseTo(at48, within(0.05));
        }
    }

    @Test
    void kWeightingBoostsHighFrequenciesByAboutFourDecibels() {
        assertThat(kWeightingDb(1000, 48000)).isCloseTo(0.691, within(0.01));
        assertThat(kWeightingDb(10000, 48000)).isCloseTo(4.0, within(0.3));
        assertThat(kWeightingDb(20, 48000)).isLessThan(-10);
    }

    @Test
    void octaveBandPassPeaksAtZeroDecibelsAtItsCentreAndFallsThreeDecibelsAtItsEdges() {
        Biquad band = Biquad.bandPass(1000, 1, 48000);
        assertThat(band.magnitudeDbAt(1000, 48000)).isCloseTo(0, within(1e-9));
        assertThat(band.magnitudeDbAt(1000 / Math.sqrt(2), 48000)).isCloseTo(-3.01, within(0.1));
        assertThat(band.magnitudeDbAt(1000 * Math.sqrt(2), 48000)).isCloseTo(-3.01, within(0.1));
    }

    @Test
    void filteringASineGivesTheMagnitudeTheCoefficientsPredict() {
        Biquad shelf = Biquad.kWeightingShelf(44100);
        BiquadState state = new BiquadState(shelf);
        double[] x = new double[44100];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(2 * Math.PI * 5000 * i / 44100.0);
        }
        state.process(x, x, x.length);
        double sum = 0;
        for (int i = 22050; i < x.length; i++) {
            sum += x[i] * x[i];
        }
        double gainDb = 10 * Math.log10(sum / 22050 / 0.5);
        assertThat(gainDb).isCloseTo(shelf.magnitudeDbAt(5000, 44100), within(0.01));
    }

    private static double kWeightingDb(double f, int rate) {
        return Biquad.kWeightingShelf(rate).magnitudeDbAt(f, rate) + Biquad.kWeightingHighPass(rate).magnitudeDbAt(f, rate);
    }
}
