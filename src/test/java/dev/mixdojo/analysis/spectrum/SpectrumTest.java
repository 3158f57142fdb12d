package dev.mixdojo.analysis.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.analysis.Signals;
import dev.mixdojo.analysis.loudness.LoudnessMeter;
import org.junit.jupiter.api.Test;

class SpectrumTest {
    private static SpectrumResult analyse(float[][] channels, int rate) {
        WelchAnalyzer welch = new WelchAnalyzer(rate, channels.length);
        LoudnessMeter meter = new LoudnessMeter(rate, channels.length, false);
        Signals.stream(channels, 4096, (block, frames) -> {
            welch.accept(block, frames);
            meter.accept(block, frames);
        });
        return SpectrumResult.of(welch.spectra(), welch.spectrogram(), welch.fftSize(), meter.result().integratedLufs(), rate);
    }

    @Test
    void pinkNoiseIsFlatInThirdOctaveBands() {
        SpectrumResult r = analyse(new float[][] {Signals.pinkNoise(20, 48000, 1)}, 48000);
        BandLevels bands = r.thirdOctave();
        double reference = level(bands, 1000);
        for (int i = 0; i < bands.bands().count(); i++) {
            double f = bands.bands().centreHz(i);
            if (f >= 50 && f <= 16000) {
                assertThat(bands.levelDb(i)).as("%s Hz", f).isCloseTo(reference, within(1.0));
            }
        }
    }

    @Test
    void aStereoToneAtMinus20DbfsPutsItsPowerInItsBandAtTheProgrammeLoudness() {
        SpectrumResult r = analyse(Signals.inPhase(Signals.tone(-20, 5, 48000), 2), 48000);
        // Band power: two channels of a −20 dBFS peak sine = −20 dB; the programme reads −20 LUFS.
        assertThat(level(r.thirdOctave(), 1000)).isCloseTo(0, within(0.15));
        assertThat(level(r.sixthOctave(), 1000)).isCloseTo(0, within(0.15));
        assertThat(level(r.thirdOctave(), 250)).isLessThan(-60);
        assertThat(r.normalisedToLufs()).isCloseTo(-20, within(0.05));
    }

    @Test
    void aLouderCopyHasTheSameTonalBalance() {
        float[] noise = Signals.pinkNoise(6, 48000, 2);
        float[] louder = noise.clone();
        for (int i = 0; i < louder.length; i++) {
            louder[i] *= 2;
        }
        BandLevels diff = TonalBalance.difference(analyse(new float[][] {louder}, 48000).thirdOctave(),
                analyse(new float[][] {noise}, 48000).thirdOctave());
        for (int i = 0; i < diff.bands().count(); i++) {
            assertThat(diff.levelDb(i)).isCloseTo(0, within(1e-6));
        }
    }

    @Test
    void whiteNoiseAgainstPinkNoiseRisesThreeDecibelsPerOctave() {
        BandLevels diff = TonalBalance.difference(
                analyse(new float[][] {Signals.whiteNoise(-20, 10, 48000, 3)}, 48000).thirdOctave(),
                analyse(new float[][] {Signals.pinkNoise(10, 48000, 4)}, 48000).thirdOctave());
        assertThat(level(diff, 8000) - level(diff, 1000)).isCloseTo(9, within(1.0));
        BandLevels againstFlat = TonalBalance.against(analyse(new float[][] {Signals.whiteNoise(-20, 10, 48000, 3)}, 48000).thirdOctave(),
                TargetCurve.slope(3));
        assertThat(level(againstFlat, 4000)).isCloseTo(0, within(1.0));
    }

    @Test
    void spectraAtDifferentSampleRatesCompareOnTheBandsBothHave() {
        SpectrumResult at22 = analyse(new float[][] {Signals.whiteNoise(-20, 3, 22050, 5)}, 22050);
        SpectrumResult at48 = analyse(new float[][] {Signals.whiteNoise(-20, 3, 48000, 6)}, 48000);
        BandLevels diff = TonalBalance.difference(at48.thirdOctave(), at22.thirdOctave());
        assertThat(diff.bands().count()).isEqualTo(at22.thirdOctave().bands().count()).isLessThan(at48.thirdOctave().bands().count());
        // White noise: equal power per Hz, so at equal loudness the 48 kHz file has less in each band below 10 kHz.
        assertThat(level(diff, 1000)).isLessThan(0);
    }

    @Test
    void theSpectrogramStaysWithinItsColumnLimitAndShowsTheTone() {
        int rate = 8000;
        SpectrumResult r = analyse(new float[][] {Signals.sine(500, -10, 40, rate, 0)}, rate);
        Spectrogram s = r.spectrogram();
        assertThat(s.columns()).isBetween(WelchAnalyzer.MAX_SPECTROGRAM_COLUMNS / 2, WelchAnalyzer.MAX_SPECTROGRAM_COLUMNS);
        assertThat(s.columns() * s.columnStepS()).isCloseTo(40, within(1.0));
        int band500 = nearest(s.bands(), 500);
        int band2000 = nearest(s.bands(), 2000);
        // −10 dBFS peak sine: mean square −13 dBFS.
        assertThat(s.levelDb(s.columns() / 2, band500)).isCloseTo(-13, within(0.5));
        assertThat(s.levelDb(s.columns() / 2, band2000)).isLessThan(-60);
    }

    @Test
    void erbBandsAreContiguousAndOneErbWide() {
        FrequencyBands erb = FrequencyBands.erb(24000);
        assertThat(erb.count()).isBetween(38, 41);
        for (int i = 1; i < erb.count(); i++) {
            assertThat(erb.lowerHz(i)).isCloseTo(erb.upperHz(i - 1), within(1e-6));
        }
        // Glasberg & Moore: ERB(1 kHz) = 24.7·(4.37·1 + 1) ≈ 132.6 Hz.
        int k = nearest(erb, 1000);
        assertThat(erb.upperHz(k) - erb.lowerHz(k)).isCloseTo(24.7 * (4.37 * erb.centreHz(k) / 1000 + 1), within(2.0));
    }

    static double level(BandLevels bands, double hz) {
        return bands.levelDb(nearest(bands.bands(), hz));
    }

    static int nearest(FrequencyBands bands, double hz) {
        int best = 0;
        for (int i = 0; i < bands.count(); i++) {
            if (Math.abs(Math.log(bands.centreHz(i) / hz)) < Math.abs(Math.log(bands.centreHz(best) / hz))) {
                best = i;
            }
        }
        return best;
    }
}
