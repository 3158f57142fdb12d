package dev.mixdojo.analysis.stereo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.analysis.Signals;
import dev.mixdojo.analysis.spectrum.BandLevels;
import dev.mixdojo.analysis.spectrum.WelchAnalyzer;
import org.junit.jupiter.api.Test;

class StereoAnalyzerTest {
    private static final int RATE = 48000;

    private static StereoResult analyse(float[] left, float[] right) {
        StereoAnalyzer stereo = new StereoAnalyzer(RATE);
        WelchAnalyzer welch = new WelchAnalyzer(RATE, 2);
        Signals.stream(new float[][] {left, right}, 4096, (block, frames) -> {
            stereo.accept(block, frames);
            welch.accept(block, frames);
        });
        return stereo.result(welch.spectra());
    }

    @Test
    void uncorrelatedNoiseHasZeroCorrelationUnitWidthAndLosesThreeDecibelsInMono() {
        StereoResult r = analyse(Signals.whiteNoise(-20, 10, RATE, 1), Signals.whiteNoise(-20, 10, RATE, 2));
        assertThat(r.correlation()).isCloseTo(0, within(0.01));
        assertThat(r.widthRatio()).isCloseTo(1, within(0.03));
        assertThat(r.monoLossLu()).isCloseTo(3.01, within(0.05));
        assertThat(r.balanceLu()).isCloseTo(0, within(0.05));
        assertThat(r.falseStereo()).isFalse();
        assertThat(r.correlationOverTime().size()).isEqualTo(100);
    }

    @Test
    void identicalChannelsAreFlaggedAsFalseStereo() {
        float[] noise = Signals.pinkNoise(5, RATE, 3);
        StereoResult r = analyse(noise, noise.clone());
        assertThat(r.correlation()).isCloseTo(1, within(1e-9));
        assertThat(r.widthRatio()).isCloseTo(0, within(1e-9));
        assertThat(r.monoLossLu()).isCloseTo(0, within(1e-9));
        assertThat(r.falseStereo()).isTrue();
    }

    @Test
    void slightlyDifferentChannelsAreRealStereo() {
        float[] left = Signals.pinkNoise(5, RATE, 3);
        float[] right = left.clone();
        float[] air = Signals.whiteNoise(-40, 5, RATE, 9);
        for (int i = 0; i < right.length; i++) {
            right[i] += air[i];
        }
        assertThat(analyse(left, right).falseStereo()).isFalse();
    }

    @Test
    void invertedPolarityReadsMinusOneAndVanishesInMono() {
        float[] noise = Signals.whiteNoise(-20, 3, RATE, 4);
        float[] inverted = noise.clone();
        for (int i = 0; i < inverted.length; i++) {
            inverted[i] = -inverted[i];
        }
        StereoResult r = analyse(noise, inverted);
        assertThat(r.correlation()).isCloseTo(-1, within(1e-9));
        assertThat(r.monoLossLu()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(r.falseStereo()).isFalse();
    }

    @Test
    void aLeftChannelSixDecibelsLouderReadsSixLuOfBalance() {
        float[] left = Signals.whiteNoise(-14, 5, RATE, 5);
        float[] right = Signals.whiteNoise(-20, 5, RATE, 6);
        assertThat(analyse(left, right).balanceLu()).isCloseTo(6, within(0.05));
    }

    @Test
    void burstsPannedInTurnReadTheBalanceAndMonoLossTheirCountsAndLevelsGive() {
        // One 50 ms pink-noise burst repeated every 300 ms, alternately hard left at full level and hard
        // right at half level (−6.02 dB), never overlapping, each ringing out in the 250 ms of silence
        // after it: every left burst has the same K-weighted energy E and every right one E/4. So the
        // balance is 10·log10(left bursts / (right bursts / 4)) and, with nothing common to the two
        // channels, folding to mono halves the power: 3.01 LU. Streamed in blocks shorter than a burst.
        int slot = RATE * 3 / 10;
        float[] burst = Signals.pinkNoise(0.05, RATE, 12);
        for (double seconds : new double[] {10, 1.3, 0.6}) {
            int n = (int) Math.round(seconds * RATE);
            float[] left = new float[n];
            float[] right = new float[n];
            int leftBursts = 0;
            int rightBursts = 0;
            for (int start = 0; start + burst.length <= n; start += slot) {
                boolean onLeft = (start / slot) % 2 == 0;
                for (int i = 0; i < burst.length; i++) {
                    (onLeft ? left : right)[start + i] = onLeft ? burst[i] : 0.5f * burst[i];
                }
                leftBursts += onLeft ? 1 : 0;
                rightBursts += onLeft ? 0 : 1;
            }
            StereoAnalyzer stereo = new StereoAnalyzer(RATE);
            WelchAnalyzer welch = new WelchAnalyzer(RATE, 2);
            Signals.stream(new float[][] {left, right}, 1000, (block, frames) -> {
                stereo.accept(block, frames);
                welch.accept(block, frames);
            });
            StereoResult r = stereo.result(welch.spectra());
            double expectedBalanceLu = 10 * Math.log10(leftBursts / (rightBursts / 4.0));
            assertThat(r.balanceLu()).as("balance, %s s", seconds).isCloseTo(expectedBalanceLu, within(0.1));
            assertThat(r.monoLossLu()).as("mono loss, %s s", seconds).isCloseTo(10 * Math.log10(2), within(0.1));
        }
    }

    @Test
    void bassInTheSideChannelMakesTheLowEndWideWhileMonoBassDoesNot() {
        float[] bass = Signals.sine(60, -12, 5, RATE, 0);
        float[] highs = Signals.whiteNoise(-30, 5, RATE, 7);
        float[] highs2 = Signals.whiteNoise(-30, 5, RATE, 8);
        float[] l = new float[bass.length];
        float[] r = new float[bass.length];
        float[] lMono = new float[bass.length];
        float[] rMono = new float[bass.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = bass[i] + highs[i];
            r[i] = -bass[i] + highs2[i];
            lMono[i] = bass[i] + highs[i];
            rMono[i] = bass[i] + highs2[i];
        }
        assertThat(analyse(l, r).lowFrequencyWidthRatio()).isGreaterThan(10);
        StereoResult mono = analyse(lMono, rMono);
        assertThat(mono.lowFrequencyWidthRatio()).isLessThan(0.01);
        BandLevels bands = mono.bandCorrelation();
        assertThat(bands.levelDb(1)).as("62.5 Hz octave").isCloseTo(1, within(0.01));
        assertThat(bands.levelDb(bands.bands().count() - 2)).as("8 kHz octave").isCloseTo(0, within(0.05));
    }
}
