package dev.mixdojo.dsp.chain;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.dsp.AudioBlock;
import dev.mixdojo.dsp.ProcessSpec;

/**
 * Offline rendering: runs a chain over a whole buffer block by block, as the audio thread would.
 * A mono input becomes two identical channels when the chain needs stereo (pan, balance, width,
 * reverb, ping-pong delay). The output has the input's length (tails are cut). Thread-safe.
 */
public final class ChainRenderer {
    /** Frames per block when rendering offline. */
    public static final int BLOCK_FRAMES = 4096;

    private ChainRenderer() {
    }

    /** A new buffer: {@code input} (untouched) processed by a fresh instance of {@code chain}. */
    public static AudioBuffer render(ChainDescription chain, AudioBuffer input) {
        return render(chain.create(), chain.needsStereo(), input);
    }

    /**
     * A new buffer: {@code input} (untouched) processed by {@code processor}, a fresh chain made by
     * the caller (so it can meter a processor inside, e.g. a compressor's gain reduction) and prepared here.
     */
    public static AudioBuffer render(Chain processor, boolean needsStereo, AudioBuffer input) {
        int channels = needsStereo && input.channelCount() == 1 ? 2 : input.channelCount();
        float[][] samples = new float[channels][];
        for (int ch = 0; ch < channels; ch++) {
            samples[ch] = input.channel(Math.min(ch, input.channelCount() - 1)).clone();
        }
        processor.prepare(new ProcessSpec(input.sampleRateHz(), BLOCK_FRAMES, channels));
        AudioBlock block = new AudioBlock(samples, 0, 0);
        int frames = input.frames();
        for (int start = 0; start < frames; start += BLOCK_FRAMES) {
            processor.process(block.set(samples, start, Math.min(BLOCK_FRAMES, frames - start)));
        }
        return new AudioBuffer(samples, input.sampleRateHz());
    }
}
