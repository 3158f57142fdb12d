package dev.mixdojo.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.audio.AudioBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The A/B pair's one common trim: exactly down to the ceiling when a version would pass it, and none otherwise. */
class AbRendererTest {
    private static final int RATE = 48_000;

    /** Two seconds of stereo white noise with samples up to {@code peak} (linear). */
    private static AudioBuffer noise(long seed, double peak) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] channels = new float[2][2 * RATE];
        for (float[] channel : channels) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = (float) (peak * (random.nextDouble() * 2 - 1));
            }
        }
        return new AudioBuffer(channels, RATE);
    }

    private static double eightTimesDbtp(AudioBuffer audio) {
        return AbRenderer.measure(audio, true).truePeakDbtp();
    }

    @Test
    void theLouderVersionsTruePeakLandsOnTheCeilingWhicheverVersionItIs() {
        // Unmatched, so the hot version stays hot: once the processed one, once the original one, and
        // once with a rove that lifts both. The larger 8× true peak of the pair must be the ceiling itself:
        // a trim read from a peak estimate that is too high would leave it lower.
        AudioBuffer quiet = noise(1, 0.3);
        AudioBuffer hot = noise(2, 0.95);
        AbRenderer.AbPair processedHot = AbRenderer.render(quiet, hot, AbRenderer.Loudness.UNMATCHED, 0);
        AbRenderer.AbPair originalHot = AbRenderer.render(hot, quiet, AbRenderer.Loudness.UNMATCHED, 0);
        AbRenderer.AbPair roved = AbRenderer.render(noise(3, 0.6), noise(4, 0.5), AbRenderer.Loudness.UNMATCHED, 2);
        for (AbRenderer.AbPair pair : new AbRenderer.AbPair[] {processedHot, originalHot, roved}) {
            double loudestDbtp = Math.max(eightTimesDbtp(pair.original()), eightTimesDbtp(pair.processed()));
            assertThat(loudestDbtp).isCloseTo(AbRenderer.TRUE_PEAK_CEILING_DBTP, within(1e-3));
        }
    }

    @Test
    void aPairWellUnderTheCeilingIsNotTrimmed() {
        AudioBuffer original = noise(5, 0.1);
        AudioBuffer processed = noise(6, 0.2);
        AbRenderer.AbPair pair = AbRenderer.render(original, processed, AbRenderer.Loudness.UNMATCHED, 0);
        assertThat(pair.original().channel(0)).containsExactly(original.channel(0));
        assertThat(pair.processed().channel(1)).containsExactly(processed.channel(1));
    }
}
