package dev.mixdojo.audio;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * An open audio file read block by block, so a long file never has to fit in memory; made by
 * {@link AudioFiles#openStream}. Not thread-safe: one reader at a time.
 */
public final class AudioStream implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLayout layout;
    private final Warnings warnings;
    private ByteBuffer bytes = ByteBuffer.allocate(0);
    private long framesRead;
    private long nonFiniteSamples;
    private boolean ended;
    private boolean reported;

    AudioStream(Path file, FileChannel channel, FileLayout layout, Warnings warnings) {
        this.file = file;
        this.channel = channel;
        this.layout = layout;
        this.warnings = warnings;
    }

    /** Sample rate of the file in Hz (8000…192000). */
    public int sampleRateHz() {
        return layout.sampleRateHz();
    }

    /** Number of channels (1…8). */
    public int channelCount() {
        return layout.channelCount();
    }

    /** Frames (samples per channel) that the file really holds; a truncated file counts what is there. */
    public long frames() {
        return layout.frames();
    }

    /** Duration of {@link #frames()} in seconds. */
    public double durationS() {
        return layout.frames() / (double) layout.sampleRateHz();
    }

    /** The bits per sample of an integer (PCM) file as its header declares them; 0 for a float file. */
    public int pcmBitsPerSample() {
        return layout.format().encoding() == SampleFormat.Encoding.FLOAT ? 0 : layout.format().bitsPerSample();
    }

    /** The file's container, sample encoding and rate, as parsed from its header. */
    FileLayout layout() {
        return layout;
    }

    /**
     * Reads up to {@code block[0].length} frames into {@code block} (one array per channel, at
     * index 0 onward) and returns how many were read, or -1 once the end has been reached.
     * Samples of float files that are not finite as 32-bit floats (NaN, infinite, or beyond the
     * float range) become silence (a warning counts them), so every sample delivered is finite.
     */
    public int read(float[][] block) {
        if (block.length != layout.channelCount()) {
            throw new IllegalArgumentException("block has " + block.length + " channels, the file has "
                    + layout.channelCount());
        }
        long left = layout.frames() - framesRead;
        if (left <= 0 || ended) {
            finish();
            return -1;
        }
        int frameBytes = layout.frameBytes();
        int wanted = (int) Math.min(Math.min(left, block[0].length), Integer.MAX_VALUE / frameBytes);
        if (wanted == 0) {
            return 0;
        }
        int byteCount = wanted * frameBytes;
        if (bytes.capacity() < byteCount) {
            bytes = ByteBuffer.allocate(byteCount);
        }
        bytes.clear().limit(byteCount);
        long start = layout.dataOffset() + framesRead * frameBytes;
        try {
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, start + bytes.position()) < 0) {
                    break; // the file shrank while we read it: deliver what there is
                }
            }
        } catch (IOException e) {
            throw new BadInputException(file, "could not be read to the end (" + e.getMessage() + ").", e);
        }
        int got = bytes.position() / frameBytes;
        if (got == 0) {
            finish();
            return -1;
        }
        bytes.flip();
        nonFiniteSamples += layout.format().decode(bytes, got, block, 0);
        framesRead += got;
        if (got < wanted) {
            ended = true;
        }
        return got;
    }

    /** Adds the NaN/infinity warning, once, when the reading is over. */
    private void finish() {
        ended = true;
        if (!reported) {
            reported = true;
            if (nonFiniteSamples > 0) {
                warnings.add(file + ": " + nonFiniteSamples + (nonFiniteSamples == 1 ? " sample was" : " samples were")
                        + " not a finite number (not-a-number, infinite, or beyond the 32-bit float range) and became silence.");
            }
        }
    }

    /** Closes the file; reports replaced NaN/infinite samples if the end was not reached. */
    @Override
    public void close() {
        finish();
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
