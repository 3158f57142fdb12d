package dev.mixdojo.dsp.chain;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.DaemonThreads;
import dev.mixdojo.dsp.OfflineRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Offline rendering of a chain over a whole buffer ({@link OfflineRenderer}): a mono input becomes two
 * identical channels when the chain needs stereo (pan, balance, width, reverb, ping-pong delay); the
 * output has the input's length. Thread-safe.
 */
public final class ChainRenderer {
    private ChainRenderer() {
    }

    /**
     * A new buffer: {@code input} (untouched) processed by a fresh instance of {@code chain}. A chain
     * that treats the channels apart (EQ, saturation) renders each channel with an instance of its own,
     * the first on this thread and the others side by side on daemon threads: the same bits, in about
     * the time of one channel on a machine with a core per channel.
     */
    public static AudioBuffer render(ChainDescription chain, AudioBuffer input) {
        if (input.channelCount() == 1 || chain.steps().isEmpty() || !chain.channelsApart()) {
            return OfflineRenderer.render(chain.create(), chain.needsStereo(), input);
        }
        List<CompletableFuture<AudioBuffer>> others = new ArrayList<>();
        for (int ch = 1; ch < input.channelCount(); ch++) {
            AudioBuffer alone = channel(input, ch);
            others.add(CompletableFuture.supplyAsync(() -> OfflineRenderer.render(chain.create(), false, alone),
                    DaemonThreads.sideTasks()));
        }
        float[][] samples = new float[input.channelCount()][];
        samples[0] = OfflineRenderer.render(chain.create(), false, channel(input, 0)).channel(0);
        for (int ch = 1; ch < samples.length; ch++) {
            samples[ch] = DaemonThreads.join(others.get(ch - 1)).channel(0);
        }
        return new AudioBuffer(samples, input.sampleRateHz());
    }

    private static AudioBuffer channel(AudioBuffer input, int ch) {
        return new AudioBuffer(new float[][] {input.channel(ch)}, input.sampleRateHz());
    }

    /**
     * A new buffer: {@code input} (untouched) processed by {@code processor}, a fresh chain made by the
     * caller (so it can meter a processor inside, e.g. a compressor's gain reduction) and prepared here.
     */
    public static AudioBuffer render(Chain processor, boolean needsStereo, AudioBuffer input) {
        return OfflineRenderer.render(processor, needsStereo, input);
    }
}
