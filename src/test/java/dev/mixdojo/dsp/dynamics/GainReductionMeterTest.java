package dev.mixdojo.dsp.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GainReductionMeterTest {
    private static final int RATE_HZ = 48_000;

    /** One second at a steady level, so the static curve of the compressor (Giannoulis 2012, eq. 4) gives the answer. */
    private static AudioBuffer steady(double levelDbfs) {
        float[] samples = new float[RATE_HZ];
        Arrays.fill(samples, (float) Math.pow(10, levelDbfs / 20));
        return new AudioBuffer(new float[][] {samples}, RATE_HZ);
    }

    @Test
    void aSteadyLevelFourteenDecibelsOverTheThresholdAtFourToOneIsReducedByTenAndAHalf() {
        // Above the threshold a 4:1 hard-knee compressor keeps a quarter of the overshoot: (−6 − (−20))·(1 − 1/4).
        double reductionDb = GainReductionMeter.onHitsDb(steady(-6), DynamicsSettings.compressor(-20, 4, 0, 5, 100, 0));
        assertThat(reductionDb).isCloseTo(10.5, org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void theThresholdFoundGivesTheAskedGainReduction() {
        // 6 dB at 4:1 needs an overshoot of 8 dB: the threshold sits at −6 − 8 = −14 dBFS.
        double thresholdDb = ThresholdSearch.find(steady(-6), 6,
                t -> DynamicsSettings.compressor(t, 4, 0, 5, 100, 0)).thresholdDb();
        assertThat(thresholdDb).isCloseTo(-14, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void silenceBetweenHitsDoesNotCount() {
        // A tenth of a second at −6 dBFS, then near-silence 60 dB down: only the loud part is active.
        AudioBuffer hit = steady(-6);
        float[] samples = hit.channel(0);
        for (int i = RATE_HZ / 10; i < samples.length; i++) {
            samples[i] *= 0.001f;
        }
        boolean[] active = BlockLevels.active(hit);
        long count = java.util.stream.IntStream.range(0, active.length).filter(b -> active[b]).count();
        assertThat(count).isEqualTo(10);
    }

    @Test
    void materialTooQuietForTheAskedGainReductionIsRefused() {
        assertThatThrownBy(() -> ThresholdSearch.find(steady(-70), 20,
                t -> DynamicsSettings.compressor(t, 1.5, 0, 5, 100, 0)).thresholdDb())
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("too quiet to be compressed by 20 dB");
    }
}
