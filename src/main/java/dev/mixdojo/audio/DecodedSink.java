package dev.mixdojo.audio;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a compressed-audio decoder puts its samples: checks them (finite, a rate and channel count
 * MixDojo reads), drops the encoder's delay at the start and its padding at the end, and writes
 * what is left as a WAV file block by block, so a long file never has to fit in memory. Not
 * thread-safe.
 */
final class DecodedSink implements AutoCloseable {
    private final Path source;
    private final Path target;
    private final Warnings warnings;
    private WavWriter writer;
    private int channelCount;
    private int sampleRateHz;
    private long skipFrames;
    private long keepFrames = Long.MAX_VALUE;
    private long promisedFrames = -1;
    private long decodedFrames;
    private long writtenFrames;

    /** A sink for the decoded samples of {@code source}, written to {@code target}. */
    DecodedSink(Path source, Path target, Warnings warnings) {
        this.source = source;
        this.target = target;
        this.warnings = warnings;
    }

    /** Starts the output: the stream's rate and channels, and how its samples are stored (PCM bits for lossless, float for lossy). */
    void start(int rateHz, int channels, SampleEncoding encoding) {
        if (channels < 1 || channels > AudioFiles.MAX_CHANNELS) {
            throw new BadInputException(source, "unsupported channel count: the file has " + channels
                    + " channels; MixDojo reads 1 to " + AudioFiles.MAX_CHANNELS + ".");
        }
        if (rateHz < AudioFiles.MIN_RATE_HZ || rateHz > AudioFiles.MAX_RATE_HZ) {
            throw new BadInputException(source, "unsupported sample rate: " + rateHz + " Hz; MixDojo reads "
                    + AudioFiles.MIN_RATE_HZ + " Hz to " + AudioFiles.MAX_RATE_HZ + " Hz.");
        }
        if (writer != null) {
            if (rateHz != sampleRateHz || channels != channelCount) {
                throw new BadInputException(source, "the file changes its sample rate or channel count part-way"
                        + " (" + sampleRateHz + " Hz, " + channelCount + " ch, then " + rateHz + " Hz, " + channels
                        + " ch), which MixDojo does not read.");
            }
            return;
        }
        this.sampleRateHz = rateHz;
        this.channelCount = channels;
        this.writer = WavWriter.open(target, channels, rateHz, encoding);
    }

    /** Whether {@link #start} has been called. */
    boolean started() {
        return writer != null;
    }

    int sampleRateHz() {
        return sampleRateHz;
    }

    /** Frames kept so far, after trimming. */
    long writtenFrames() {
        return writtenFrames;
    }

    /**
     * The encoder's delay and the stream's true length, from the file's header: the first
     * {@code delayFrames} decoded frames are dropped and at most {@code lengthFrames} kept after them.
     */
    void trim(long delayFrames, long lengthFrames) {
        this.skipFrames = Math.max(0, delayFrames);
        this.keepFrames = Math.max(0, lengthFrames);
    }

    /** Keeps at most {@code lengthFrames} frames in all (an end found while decoding). */
    void limit(long lengthFrames) {
        this.keepFrames = Math.max(0, lengthFrames);
    }

    /** The number of frames the header says the stream holds, for the truncation warning. */
    void promise(long frames) {
        this.promisedFrames = frames;
    }

    /**
     * Takes {@code frames} decoded frames from {@code block[c][offset…]}, each sample already
     * scaled to full scale 1.0; refuses the file if any is not a finite number.
     */
    void write(float[][] block, int offset, int frames) {
        for (int c = 0; c < channelCount; c++) {
            float[] channel = block[c];
            for (int i = offset; i < offset + frames; i++) {
                if (!Float.isFinite(channel[i])) {
                    throw new BadInputException(source, "the file is damaged: it decodes to samples that are not "
                            + "numbers (NaN or infinite).");
                }
            }
        }
        long start = decodedFrames;
        decodedFrames += frames;
        long from = Math.max(start, skipFrames);
        long to = Math.min(decodedFrames, skipFrames + keepFrames);
        if (to <= from) {
            return;
        }
        int first = offset + (int) (from - start);
        int count = (int) (to - from);
        float[][] part = block;
        if (first != 0) {
            part = new float[channelCount][];
            for (int c = 0; c < channelCount; c++) {
                part[c] = java.util.Arrays.copyOfRange(block[c], first, first + count);
            }
        }
        writer.write(part, count);
        writtenFrames += count;
    }

    /** Finishes the WAV file; warns when the stream ended before the length its header promised. */
    void finish(String formatName) {
        if (writer == null || writtenFrames == 0) {
            throw new BadInputException(source, "the file holds no " + formatName + " audio that could be decoded;"
                    + " it is damaged or truncated.");
        }
        long promised = promisedFrames >= 0 ? promisedFrames : keepFrames == Long.MAX_VALUE ? -1 : keepFrames;
        if (promised > writtenFrames) {
            warnings.add(String.format(Locale.ROOT,
                    "%s: the file is truncated: its header promises %d frames (%.3f s) but only %d frames (%.3f s) are there; those were read.",
                    source, promised, promised / (double) sampleRateHz, writtenFrames, writtenFrames / (double) sampleRateHz));
        }
        writer.commit();
    }

    /** Deletes the partial output unless {@link #finish} completed. */
    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
    }
}
