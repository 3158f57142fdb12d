package dev.mixdojo.audio;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads WAV / AIFF / AIFF-C files (8- to 32-bit PCM, 32- and 64-bit float, 8–192 kHz, 1–8
 * channels) and FLAC, MP3, Ogg Vorbis and AAC (MP4/M4A, ADTS) files, and writes WAV files (16/24-bit PCM, 32-bit float). Bad files raise
 * {@link BadInputException} with one sentence naming the file and the problem; recoverable
 * problems go to the caller's {@link Warnings}. Stateless and thread-safe.
 */
public final class AudioFiles {
    /** Lowest sample rate read, written or converted to, in Hz (telephone band). */
    public static final int MIN_RATE_HZ = 8_000;
    /** Highest sample rate read, written or converted to, in Hz (high-resolution studio). */
    public static final int MAX_RATE_HZ = 192_000;
    /** Most channels read or written: 7.1 surround. */
    public static final int MAX_CHANNELS = 8;
    /**
     * The file-name endings of the formats MixDojo reads, lower case without the dot; for choosing
     * files by name (the format itself is found from the content).
     */
    public static final List<String> EXTENSIONS = List.of("wav", "wave", "bwf", "aif", "aiff", "aifc", "flac", "mp3", "ogg",
            "oga", "m4a", "mp4", "aac");
    /** Frames per block when this class streams a file itself. */
    private static final int BLOCK_FRAMES = 16_384;

    private AudioFiles() {
    }

    /** Whether the file's name ends like an audio file MixDojo reads ({@link #EXTENSIONS}, any case) and is not hidden. */
    public static boolean hasAudioName(Path file) {
        return hasAudioName(file.getFileName().toString());
    }

    /** Whether a file name (its last part after any '/') ends like an audio file MixDojo reads and is not hidden. */
    public static boolean hasAudioName(String fileName) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return !name.startsWith(".") && dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    /** Reads a whole file into memory; use {@link #openStream} for files that may not fit. */
    public static AudioBuffer read(Path file, Warnings warnings) {
        try (AudioStream stream = openStream(file, warnings)) {
            long frames = stream.frames();
            if (frames > Integer.MAX_VALUE - 8) {
                throw new BadInputException(file, String.format(Locale.ROOT,
                        "the file is too long to load at once (%d frames, %.0f s); use a shorter excerpt.",
                        frames, stream.durationS()));
            }
            float[][] channels = new float[stream.channelCount()][(int) frames];
            float[][] block = blockFor(stream);
            int at = 0;
            int got;
            while ((got = stream.read(block)) > 0) {
                for (int c = 0; c < channels.length; c++) {
                    System.arraycopy(block[c], 0, channels[c], at, got);
                }
                at += got;
            }
            if (at < frames) {
                // The file shrank while we read it; keep the frames that arrived.
                for (int c = 0; c < channels.length; c++) {
                    channels[c] = java.util.Arrays.copyOf(channels[c], at);
                }
            }
            return new AudioBuffer(channels, stream.sampleRateHz());
        }
    }

    /** Opens a file for reading block by block; the caller closes the stream. */
    public static AudioStream openStream(Path file, Warnings warnings) {
        if (Files.isDirectory(file)) {
            throw new BadInputException(file, "is a folder, not an audio file.");
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, "no such file.", e);
        } catch (AccessDeniedException e) {
            throw new BadInputException(file, "cannot be read: permission denied.", e);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be opened: " + e.getMessage() + ".", e);
        }
        try {
            Optional<AudioContainer> compressed = Decoding.sniff(channel);
            if (compressed.isPresent()) {
                return Decoding.open(file, channel, compressed.get(), warnings);
            }
            FileLayout layout = AudioFileParser.parse(file, channel, warnings);
            return new AudioStream(file, channel, layout, warnings);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new BadInputException(file, "cannot be read: " + e.getMessage() + ".", e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Describes a file: format, length and sample peak (streams the whole file once). */
    public static AudioFileInfo info(Path file) {
        Warnings warnings = new Warnings();
        try (AudioStream stream = openStream(file, warnings)) {
            float[][] block = blockFor(stream);
            float peak = 0;
            int got;
            while ((got = stream.read(block)) > 0) {
                for (float[] channel : block) {
                    for (int i = 0; i < got; i++) {
                        peak = Math.max(peak, Math.abs(channel[i]));
                    }
                }
            }
            stream.close(); // adds any NaN warning before we copy the list
            FileLayout layout = stream.layout();
            return new AudioFileInfo(file, layout.container(), layout.container().encoding(layout.format().label()), layout.sampleRateHz(),
                    layout.channelCount(), layout.format().bitsPerSample(), layout.frames(), stream.durationS(),
                    20 * Math.log10(peak), warnings.all());
        }
    }

    /**
     * Starts writing a WAV file block by block (through a temporary file renamed over {@code file}
     * on commit); the caller closes it, which removes the temporary file unless it was committed.
     */
    public static WavWriter openWriter(Path file, int channelCount, int sampleRateHz, SampleEncoding encoding) {
        return WavWriter.open(file, channelCount, sampleRateHz, encoding);
    }

    /** Adds the warning that {@code clipped} samples of {@code file} lay outside full scale (none: nothing). */
    public static void warnIfClipped(Path file, long clipped, Warnings warnings) {
        if (clipped > 0) {
            warnings.add(file + ": " + clipped + (clipped == 1 ? " sample lay" : " samples lay")
                    + " outside full scale and " + (clipped == 1 ? "was" : "were")
                    + " clipped; write 32-bit float to keep them.");
        }
    }

    /** Writes {@code buffer} as a WAV file atomically (temporary file + rename); clips PCM silently. */
    public static void write(Path file, AudioBuffer buffer, SampleEncoding encoding) {
        write(file, buffer, encoding, new Warnings());
    }

    /** Writes {@code buffer} as a WAV file atomically; adds a warning if PCM had to clip samples. */
    public static void write(Path file, AudioBuffer buffer, SampleEncoding encoding, Warnings warnings) {
        try (WavWriter writer = WavWriter.open(file, buffer.channelCount(), buffer.sampleRateHz(), encoding)) {
            writer.write(buffer.channels(), buffer.frames());
            writer.commit();
            warnIfClipped(file, writer.clippedSamples(), warnings);
        }
    }

    /**
     * Re-encodes {@code in} (any format {@link #openStream} reads) as a WAV file at its own rate, block by block, so a
     * file of any length converts in constant memory.
     */
    public static WrittenFile convert(Path in, Path out, SampleEncoding encoding, Warnings warnings) {
        return convert(in, out, 0, encoding, warnings);
    }

    /**
     * Resamples {@code in} to {@code targetRateHz} (8000…192000; 0 keeps the input's rate) and
     * writes it as a WAV file, block by block in constant memory, atomically; the samples equal
     * those of {@link Resampler#resample} on the whole file.
     */
    public static WrittenFile convert(Path in, Path out, int targetRateHz, SampleEncoding encoding, Warnings warnings) {
        if (targetRateHz != 0 && (targetRateHz < MIN_RATE_HZ || targetRateHz > MAX_RATE_HZ)) {
            throw new BadInputException("the output rate must be between " + MIN_RATE_HZ + " and " + MAX_RATE_HZ
                    + " Hz, got " + targetRateHz + ".");
        }
        try (AudioStream stream = openStream(in, warnings)) {
            int rateHz = targetRateHz == 0 ? stream.sampleRateHz() : targetRateHz;
            int channels = stream.channelCount();
            try (WavWriter writer = WavWriter.open(out, channels, rateHz, encoding)) {
                long[] frames = {0};
                Resampler.Sink sink = (block, count) -> {
                    writer.write(block, count);
                    frames[0] += count;
                };
                Resampler.Streaming resampler = rateHz == stream.sampleRateHz() ? null
                        : Resampler.streaming(stream.sampleRateHz(), rateHz, channels, sink);
                float[][] block = blockFor(stream);
                int got;
                while ((got = stream.read(block)) > 0) {
                    if (resampler == null) {
                        sink.accept(block, got);
                    } else {
                        resampler.push(block, got);
                    }
                }
                if (resampler != null) {
                    resampler.finish();
                }
                writer.commit();
                warnIfClipped(out, writer.clippedSamples(), warnings);
                return new WrittenFile(out, encoding, rateHz, channels, frames[0]);
            }
        }
    }

    /** A reading block for the stream: BLOCK_FRAMES frames, or fewer for a short file. */
    private static float[][] blockFor(AudioStream stream) {
        return new float[stream.channelCount()][(int) Math.min(BLOCK_FRAMES, Math.max(1, stream.frames()))];
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
