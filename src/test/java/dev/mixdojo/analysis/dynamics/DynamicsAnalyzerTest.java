package dev.mixdojo.analysis.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.analysis.Signals;
import dev.mixdojo.analysis.loudness.LoudnessMeter;
import org.junit.jupiter.api.Test;

class DynamicsAnalyzerTest {
    private static final int RATE = 48000;

    private static DynamicsResult analyse(float[][] channels) {
        DynamicsAnalyzer dynamics = new DynamicsAnalyzer(RATE, channels.length);
        LoudnessMeter meter = new LoudnessMeter(RATE, channels.length, true);
        Signals.stream(channels, 4096, (block, frames) -> {
            dynamics.accept(block, frames);
            meter.accept(block, frames);
        });
        return dynamics.result(meter.result());
    }

    @Test
    void aSineHasACrestFactorOfThreeDecibelsOverallAndInItsOctave() {
        DynamicsResult r = analyse(Signals.inPhase(Signals.tone(-10, 6, RATE), 2));
        assertThat(r.crestFactorDb()).isCloseTo(3.0103, within(0.01));
        int octave1k = 5;
        assertThat(r.octaveCrestFactorsDb().bands().centreHz(octave1k)).isEqualTo(1000);
        assertThat(r.octaveCrestFactorsDb().levelDb(octave1k)).isCloseTo(3.0103, within(0.1));
        // A stereo 1 kHz sine reads its peak level in LUFS, so PLR is 0 dB and PSR 0 dB once 3 s have passed.
        assertThat(r.plrDb()).isCloseTo(0, within(0.1));
        assertThat(r.psrDb().valueAt(r.psrDb().size() - 1)).isCloseTo(0, within(0.1));
        assertThat(r.drScore()).isZero();
    }

    @Test
    void gaussianNoiseHasTheCrestFactorOfItsLargestSample() {
        float[] noise = Signals.whiteNoise(-20, 4, RATE, 11);
        double peak = 0;
        double sum = 0;
        for (float v : noise) {
            peak = Math.max(peak, Math.abs(v));
            sum += v * (double) v;
        }
        double expected = 20 * Math.log10(peak / Math.sqrt(sum / noise.length));
        assertThat(analyse(new float[][] {noise}).crestFactorDb()).isCloseTo(expected, within(1e-6));
    }

    @Test
    void drScoreComparesTheSecondHighestPeakWithTheLoudestFifthOfBlocks() {
        // Ten 3 s blocks: two loud sine blocks (peak 0.5), eight quiet ones; one-sample spikes of
        // 1.0 and 0.8 in two quiet blocks. DR = 20·log10(0.8 / 0.5) = 4.08 dB → score 4.
        float[][] blocks = new float[10][];
        for (int b = 0; b < 10; b++) {
            blocks[b] = Signals.tone(b < 2 ? -6.0206 : -30, 3, RATE);
        }
        blocks[4][1000] = 1.0f;
        blocks[6][2000] = 0.8f;
        DynamicsResult r = analyse(new float[][] {Signals.concat(blocks)});
        assertThat(r.channelDrDb().get(0)).isCloseTo(20 * Math.log10(0.8 / 0.5), within(0.01));
        assertThat(r.drScore()).isEqualTo(4);
    }

    @Test
    void theHistogramPeaksAtTheShortTermLoudnessOfASteadyTone() {
        DynamicsResult r = analyse(Signals.inPhase(Signals.tone(-22.5, 8, RATE), 2));
        assertThat(r.histogram().modeLufs()).isCloseTo(-22.5, within(1e-9));
        int total = r.histogram().counts().stream().mapToInt(Integer::intValue).sum();
        assertThat(total).isEqualTo(501);
    }
}
