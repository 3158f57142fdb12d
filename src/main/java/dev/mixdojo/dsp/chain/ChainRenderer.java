package dev.mixdojo.dsp.chain;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.AudioStream;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.audio.WavWriter;
import dev.mixdojo.audio.WrittenFile;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.DaemonThreads;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.dsp.AudioBlock;
import dev.mixdojo.dsp.Decibels;
import dev.mixdojo.dsp.OfflineRenderer;
import dev.mixdojo.dsp.ProcessSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Offline rendering: runs a chain over a whole buffer ({@link OfflineRenderer}), or a whole file in
 * constant memory, block by block, as the audio thread would. A mono input becomes two identical channels when the chain needs
 * stereo (pan, balance, width, reverb, ping-pong delay). The output has the input's length (tails are
 * cut). Every render checks the chain against the sample rate first ({@link ChainDescription#checkFor})
 * and stops with a sentence naming the entry when an entry's output is not finite or goes above
 * {@link #MAX_PEAK_DBFS}. Thread-safe.
 */
public final class ChainRenderer {
    /**
     * Highest sample peak an entry may raise the audio to, in dBFS: far above anything a mix needs
     * (float files keep it), low enough that a chain gone wrong stops before it fills a file with noise.
     */
    public static final double MAX_PEAK_DBFS = 24;
    private static final double MAX_PEAK = Decibels.toGain(MAX_PEAK_DBFS);

    private ChainRenderer() {
    }

    /**
     * A new buffer: {@code input} (untouched) processed by a fresh instance of {@code chain}. A chain
     * that treats the channels apart (EQ, saturation) renders each channel with an instance of its own,
     * the first on this thread and the others side by side on daemon threads: the same bits, in about
     * the time of one channel on a machine with a core per channel.
     */
    public static AudioBuffer render(ChainDescription chain, AudioBuffer input) {
        int channels = outputChannels(chain.needsStereo(), input.channelCount());
        chain.checkFor(new ProcessSpec(input.sampleRateHz(), OfflineRenderer.BLOCK_FRAMES, channels));
        if (input.channelCount() == 1 || chain.steps().isEmpty() || !chain.channelsApart()) {
            return render(chain.create(), chain.needsStereo(), input);
        }
        List<CompletableFuture<AudioBuffer>> others = new ArrayList<>();
        for (int ch = 1; ch < input.channelCount(); ch++) {
            AudioBuffer alone = channel(input, ch);
            others.add(CompletableFuture.supplyAsync(() -> render(chain.create(), false, alone),
                    DaemonThreads.sideTasks()));
        }
        float[][] samples = new float[input.channelCount()][];
        samples[0] = render(chain.create(), false, channel(input, 0)).channel(0);
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
        return OfflineRenderer.render(processor, needsStereo, input,
                (block, startFrame) -> processChecked(processor, block, startFrame, input.sampleRateHz(), null));
    }

    /**
     * Reads {@code in} block by block, runs {@code chain} over it and writes the result to {@code out}
     * as a WAV file (atomically), so a file of any length is processed in constant memory; the samples
     * equal those of {@link #render(ChainDescription, AudioBuffer)} on the whole file.
     */
    public static WrittenFile renderFile(ChainDescription chain, Path in, Path out, SampleEncoding encoding,
            Warnings warnings) {
        try (AudioStream stream = AudioFiles.openStream(in, warnings)) {
            int rateHz = stream.sampleRateHz();
            int inChannels = stream.channelCount();
            int channels = outputChannels(chain.needsStereo(), inChannels);
            ProcessSpec spec = new ProcessSpec(rateHz, OfflineRenderer.BLOCK_FRAMES, channels);
            chain.checkFor(spec);
            Chain processor = chain.create();
            processor.prepare(spec);
            float[][] read = new float[inChannels][OfflineRenderer.BLOCK_FRAMES];
            float[][] work = channels == inChannels ? read : new float[channels][];
            for (int ch = inChannels; ch < channels; ch++) {
                work[ch] = new float[OfflineRenderer.BLOCK_FRAMES];
            }
            if (work != read) {
                System.arraycopy(read, 0, work, 0, inChannels);
            }
            AudioBlock block = new AudioBlock(work, 0, 0);
            try (WavWriter writer = AudioFiles.openWriter(out, channels, rateHz, encoding)) {
                long at = 0;
                int got;
                while ((got = stream.read(read)) > 0) {
                    for (int ch = inChannels; ch < channels; ch++) {
                        System.arraycopy(read[inChannels - 1], 0, work[ch], 0, got);
                    }
                    processChecked(processor, block.set(work, 0, got), at, rateHz, in);
                    writer.write(work, got);
                    at += got;
                }
                writer.commit();
                AudioFiles.warnIfClipped(out, writer.clippedSamples(), warnings);
                return new WrittenFile(out, encoding, rateHz, channels, writer.frames());
            }
        }
    }

    private static int outputChannels(boolean needsStereo, int inputChannels) {
        return needsStereo && inputChannels == 1 ? 2 : inputChannels;
    }

    /** Runs one block through the chain; an entry that sends it out of range stops the render with a sentence. */
    private static void processChecked(Chain processor, AudioBlock block, long blockStartFrame, double sampleRateHz,
            Path file) {
        int entry = processor.processChecked(block, MAX_PEAK);
        if (entry < 0) {
            return;
        }
        double peak = Chain.peak(block);
        String what = Double.isFinite(peak)
                ? String.format(Locale.ROOT, "raises the audio to %+.1f dBFS, above the %+.0f dBFS a chain may reach",
                        20 * Math.log10(peak), MAX_PEAK_DBFS)
                : "makes samples that are not numbers (NaN or infinite)";
        String where = file == null ? "" : " of " + file;
        throw new BadInputException(String.format(Locale.ROOT, "chain entry %d (%s) %s in the block at %.3f s%s;"
                + " lower its gain, makeup or drive, or remove entries that add up.", entry + 1, processor.kind(entry),
                what, blockStartFrame / sampleRateHz, where));
    }
}
