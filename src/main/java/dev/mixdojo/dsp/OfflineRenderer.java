package dev.mixdojo.dsp;

import dev.mixdojo.audio.AudioBuffer;

/**
 * Runs one processor over a whole buffer offline, block by block as the audio thread would. A mono
 * input becomes two identical channels when the processor needs stereo; the output has the input's
 * length (tails are cut). Thread-safe.
 */
public final class OfflineRenderer {
    /** Frames per block when rendering offline. */
    public static final int BLOCK_FRAMES = 4096;

    private OfflineRenderer() {
    }

    /** What runs on each block: the processor's own {@code process}, or a caller's checked call of it. */
    @FunctionalInterface
    public interface BlockStep {
        /** Processes {@code block}, which starts {@code blockStartFrame} frames into the input. */
        void process(AudioBlock block, long blockStartFrame);
    }

    /** A new buffer: {@code input} (untouched) processed by {@code processor}, a fresh one that is prepared here. */
    public static AudioBuffer render(Processor processor, boolean needsStereo, AudioBuffer input) {
        return render(processor, needsStereo, input, (block, blockStartFrame) -> processor.process(block));
    }

    /** As {@link #render(Processor, boolean, AudioBuffer)}, each block going through {@code step}. */
    public static AudioBuffer render(Processor processor, boolean needsStereo, AudioBuffer input, BlockStep step) {
        int channels = needsStereo && input.channelCount() == 1 ? 2 : input.channelCount();
        float[][] samples = new float[channels][];
        for (int ch = 0; ch < channels; ch++) {
            samples[ch] = input.channel(Math.min(ch, input.channelCount() - 1)).clone();
        }
        processor.prepare(new ProcessSpec(input.sampleRateHz(), BLOCK_FRAMES, channels));
        AudioBlock block = new AudioBlock(samples, 0, 0);
        int frames = input.frames();
        for (int start = 0; start < frames; start += BLOCK_FRAMES) {
            step.process(block.set(samples, start, Math.min(BLOCK_FRAMES, frames - start)), start);
        }
        return new AudioBuffer(samples, input.sampleRateHz());
    }
}
