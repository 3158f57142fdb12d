package dev.mixdojo.dsp.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import java.util.SplittableRandom;

/**
 * Coverage-guided fuzzing of the chain reader and renderer: any text typed as a chain either reads
 * as a chain whose render of a short noise burst is finite (or stops with a sentence naming the
 * entry), or is refused with a BadInputException; nothing else. A plain test run replays the
 * inputs in {@code ChainReaderFuzzTestInputs/}; scripts/fuzz.sh fuzzes it.
 */
class ChainReaderFuzzTest {
    private static final AudioBuffer NOISE = noise();

    private static AudioBuffer noise() {
        SplittableRandom random = new SplittableRandom(18);
        float[][] samples = new float[2][600];
        for (float[] channel : samples) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = (float) (0.5 * (2 * random.nextDouble() - 1));
            }
        }
        return new AudioBuffer(samples, 8000);
    }

    @FuzzTest(maxDuration = "5s")
    void anyTextReadsAsAChainThatRendersFiniteAudioOrGivesASentence(FuzzedDataProvider data) {
        boolean mono = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        ChainDescription chain;
        try {
            chain = ChainReader.parseTyped(text);
        } catch (BadInputException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        AudioBuffer input = mono ? new AudioBuffer(new float[][] {NOISE.channel(0)}, NOISE.sampleRateHz()) : NOISE;
        try {
            AudioBuffer output = ChainRenderer.render(chain, input);
            for (float[] channel : output.channels()) {
                for (float sample : channel) {
                    if (!Float.isFinite(sample)) {
                        throw new AssertionError("a chain rendered a non-finite sample: " + text);
                    }
                }
            }
        } catch (BadInputException e) {
            assertThat(e.getMessage()).startsWith("chain entry ");
        }
    }
}
