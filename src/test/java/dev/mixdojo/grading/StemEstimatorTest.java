package dev.mixdojo.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.dsp.eq.EqSettings;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StemEstimatorTest {
    static final int DELAY_FRAMES = 347;
    static List<KnownMix.Strip> strips;
    static List<StemAudio> stems;
    static MixEstimate estimate;

    @BeforeAll
    static void estimateAKnownMix() {
        strips = KnownMix.fiveStrips();
        stems = KnownMix.stems(strips, 12, 7);
        estimate = StemEstimator.estimate(stems, KnownMix.mix(strips, stems, DELAY_FRAMES));
        for (StemEstimate s : estimate.stems()) {
            System.out.printf("%-7s gain %+.3f dB pan %+.4f%n", s.name(), s.gainDb(), s.pan());
        }
    }

    @Test
    void theDawLatencyShiftIsFoundToTheSample() {
        assertThat(estimate.mixOffsetFrames()).isEqualTo(DELAY_FRAMES);
    }

    @Test
    void gainsComeBackWithinAThirdOfADecibel() {
        for (int s = 1; s < strips.size(); s++) {
            assertThat(estimate.stems().get(s).gainDb()).as(strips.get(s).name())
                    .isCloseTo(strips.get(s).gainDb(), within(0.3));
        }
    }

    @Test
    void constantPowerPansComeBackWithinFiveHundredths() {
        for (int s = 0; s < strips.size(); s++) {
            assertThat(estimate.stems().get(s).pan()).as(strips.get(s).name())
                    .isCloseTo(strips.get(s).pan(), within(0.05));
        }
    }

    @Test
    void theEqCurveComesBackWithinOneDecibelPerBand() {
        StemEstimate vocal = estimate.stems().get(0);
        KnownMix.Strip strip = strips.get(0);
        double worst = 0;
        int compared = 0;
        for (int b = 0; b < vocal.eqBandsHz().size(); b++) {
            if (withoutBins(b)) {
                assertThat(vocal.bandGainDb(b)).as("band %.0f Hz has no FFT bin", vocal.eqBandsHz().get(b)).isNaN();
                continue;
            }
            double expected = strip.gainDb() + bandResponseDb(strip.eq(), vocal.eqBandsHz().get(b));
            double measured = vocal.bandGainDb(b);
            assertThat(measured).as("band %.0f Hz", vocal.eqBandsHz().get(b)).isCloseTo(expected, within(1.0));
            worst = Math.max(worst, Math.abs(measured - expected));
            compared++;
        }
        System.out.printf("EQ curve: %d bands, worst error %.3f dB%n", compared, worst);
        assertThat(compared).isGreaterThanOrEqualTo(28);
    }

    @Test
    void stemsWithoutEqHaveAFlatCurve() {
        StemEstimate guitar = estimate.stems().get(2);
        int flat = 0;
        for (int b = 0; b < guitar.eqBandsHz().size(); b++) {
            double g = guitar.eqGainDb().get(b);
            if (withoutBins(b)) {
                assertThat(g).as("band %.0f Hz has no FFT bin", guitar.eqBandsHz().get(b)).isNaN();
            } else {
                assertThat(g).as("band %.0f Hz", guitar.eqBandsHz().get(b)).isCloseTo(0.0, within(0.3));
                flat++;
            }
        }
        assertThat(flat).isGreaterThanOrEqualTo(28);
    }

    /**
     * Whether no FFT bin falls in band {@code b}: the lowest sixth-octave bands are narrower than a bin
     * (48000 / 8192 = 5.9 Hz), so they get no estimate (NaN) rather than a guess.
     */
    private static boolean withoutBins(int b) {
        return estimate.bands().binsHz(b).length == 0;
    }

    @Test
    void aMixThatLeadsTheStemsIsAlignedToo() {
        AudioBuffer early = KnownMix.mix(strips, stems, -212);
        MixEstimate e = StemEstimator.estimate(stems, early);
        assertThat(e.mixOffsetFrames()).isEqualTo(-212);
        assertThat(e.stems().get(3).gainDb()).isCloseTo(-4, within(0.3));
    }

    @Test
    void aGainAndPanMixLeavesNothingUnexplainedAndTheEqOnlyItsFilterTails() {
        List<KnownMix.Strip> plain = strips.stream()
                .map(s -> new KnownMix.Strip(s.name(), s.channels(), s.gainDb(), s.pan(), List.of())).toList();
        MixEstimate exact = StemEstimator.estimate(stems, KnownMix.mix(plain, stems, 0));
        assertThat(exact.residualDb()).isLessThan(-60);
        // The EQ's impulse response reaches across STFT frame edges, which a per-band gain cannot model exactly.
        assertThat(estimate.residualDb()).isBetween(exact.residualDb(), -20.0);
    }

    /** The EQ's power response averaged over the third-octave band centred on {@code centreHz}, in dB. */
    static double bandResponseDb(List<EqSettings> eq, double centreHz) {
        double lower = centreHz / Math.pow(2, 1 / 6.0);
        double upper = centreHz * Math.pow(2, 1 / 6.0);
        double sum = 0;
        int n = 200;
        for (int k = 0; k < n; k++) {
            double f = lower * Math.pow(upper / lower, (k + 0.5) / n);
            double db = 0;
            for (EqSettings band : eq) {
                db += band.magnitudeDbAt(f, KnownMix.RATE_HZ);
            }
            sum += Math.pow(10, db / 10);
        }
        return 10 * Math.log10(sum / n);
    }
}
