package dev.mixdojo.audio;

import dev.mixdojo.base.AtomicFiles;
import dev.mixdojo.base.BadInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a WAV file block by block into a temporary file beside the target and renames it over
 * the target on {@link #commit()}, so readers never see a half-written file; made by
 * {@link AudioFiles#openWriter}. PCM encodings round to the nearest step and clip samples outside
 * -1…1; no dither, so output is bit-reproducible. A sample that is not finite (NaN, infinite) is
 * refused with a sentence, and any failure (a full disk, a read-only folder) is a sentence naming
 * the file, with the temporary file removed. Not thread-safe.
 */
public final class WavWriter implements AutoCloseable {
    private static final int FRAMES_PER_WRITE = 8192;
    /**
     * Speaker masks for 1…8 channels (mono, stereo, 3.0, quad, 5.0, 5.1, 6.1, 7.1), following
     * Microsoft's "Multiple channel audio data and WAVE files" defaults.
     */
    private static final int[] CHANNEL_MASKS = {0x4, 0x3, 0x7, 0x33, 0x37, 0x3F, 0x13F, 0x63F};
    private static final long MAX_RIFF_BYTES = 0xFFFFFFFFL;

    private final Path file;
    private final Path temp;
    private final FileChannel channel;
    private final int channelCount;
    private final int sampleRateHz;
    private final SampleEncoding encoding;
    private final int headerBytes;
    private final ByteBuffer bytes;
    private long dataBytes;
    private long framesWritten;
    private long clippedSamples;
    private boolean committed;

    private WavWriter(Path file, Path temp, FileChannel channel, int channelCount, int sampleRateHz, SampleEncoding encoding) {
        this.file = file;
        this.temp = temp;
        this.channel = channel;
        this.channelCount = channelCount;
        this.sampleRateHz = sampleRateHz;
        this.encoding = encoding;
        this.headerBytes = header(0).remaining();
        this.bytes = ByteBuffer.allocate(FRAMES_PER_WRITE * channelCount * encoding.bytesPerSample())
                .order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Starts writing {@code file} (through a temporary file in the same folder). */
    static WavWriter open(Path file, int channelCount, int sampleRateHz, SampleEncoding encoding) {
        if (channelCount < 1 || channelCount > AudioFiles.MAX_CHANNELS) {
            throw new IllegalArgumentException("WAV writer takes 1 to 8 channels, got " + channelCount);
        }
        if (sampleRateHz < AudioFiles.MIN_RATE_HZ || sampleRateHz > AudioFiles.MAX_RATE_HZ) {
            throw new IllegalArgumentException("WAV writer takes 8000 to 192000 Hz, got " + sampleRateHz);
        }
        if (Files.isDirectory(file)) {
            throw new BadInputException(file, "is a folder; give the name of a file to write.");
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new BadInputException(file, "cannot be written because the folder " + folder + " does not exist.");
        }
        Path temp;
        try {
            temp = Files.createTempFile(folder, "." + file.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(file, e);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            WavWriter writer = new WavWriter(file, temp, channel, channelCount, sampleRateHz, encoding);
            ByteBuffer header = writer.header(0);
            while (header.hasRemaining()) {
                channel.write(header);
            }
            return writer;
        } catch (IOException e) {
            closeAndDelete(channel, temp);
            throw AtomicFiles.cannotWrite(file, e);
        }
    }

    /**
     * Appends {@code frames} frames from {@code block[c][0…frames)}; a sample that is not finite is
     * refused with a sentence naming the file, the channel and the time.
     */
    public void write(float[][] block, int frames) {
        if (block.length != channelCount) {
            throw new IllegalArgumentException("block has " + block.length + " channels, writer has " + channelCount);
        }
        int frameBytes = channelCount * encoding.bytesPerSample();
        if (headerBytes - 8 + dataBytes + (long) frames * frameBytes > MAX_RIFF_BYTES) {
            throw new BadInputException(file, "is too long for a WAV file (the format stops at 4 GiB); "
                    + "write a shorter excerpt or fewer channels.");
        }
        try {
            for (int start = 0; start < frames; start += FRAMES_PER_WRITE) {
                int count = Math.min(FRAMES_PER_WRITE, frames - start);
                bytes.clear();
                for (int f = start; f < start + count; f++) {
                    for (int c = 0; c < channelCount; c++) {
                        float sample = block[c][f];
                        if (!Float.isFinite(sample)) {
                            throw notFinite(c, framesWritten + f);
                        }
                        put(sample);
                    }
                }
                bytes.flip();
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            }
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(file, e);
        }
        dataBytes += (long) frames * frameBytes;
        framesWritten += frames;
    }

    private BadInputException notFinite(int channel, long frame) {
        return new BadInputException(file, String.format(java.util.Locale.ROOT, "was not written: the audio to write"
                + " holds a sample that is not a number (NaN or infinite) in channel %d at %.3f s, which no WAV file can"
                + " hold; the processing before it went wrong (check the chain's gains), and nothing was written.",
                channel + 1, frame / (double) sampleRateHz));
    }

    private void put(float sample) {
        if (encoding == SampleEncoding.FLOAT_32) {
            bytes.putFloat(sample);
            return;
        }
        // Scale by 2^(bits-1), the same full scale the reader divides by, so PCM round-trips exactly.
        long max = (1L << (encoding.bitsPerSample() - 1)) - 1;
        long value = Math.round(sample * (double) (max + 1));
        if (sample > 1.0f || sample < -1.0f) {
            clippedSamples++;
        }
        value = Math.max(-max - 1, Math.min(max, value));
        if (encoding == SampleEncoding.PCM_16) {
            bytes.putShort((short) value);
        } else {
            bytes.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
        }
    }

    /** Samples so far that lay outside -1…1 and were clipped (PCM only). */
    public long clippedSamples() {
        return clippedSamples;
    }

    /** Frames written so far. */
    public long frames() {
        return framesWritten;
    }

    /** Finishes the header and renames the temporary file over the target. */
    public void commit() {
        try {
            if ((dataBytes & 1) != 0) {
                channel.write(ByteBuffer.allocate(1)); // RIFF pads an odd-sized chunk
            }
            channel.write(header(dataBytes), 0);
            channel.force(false);
            channel.close();
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(file, e);
        }
    }

    /** Deletes the temporary file unless {@link #commit()} succeeded. */
    @Override
    public void close() {
        if (!committed) {
            closeAndDelete(channel, temp);
        }
    }

    /** Removes a temporary file that will never be renamed into place; it is only litter by now. */
    private static void closeAndDelete(FileChannel channel, Path temp) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // Closing after a failed write can fail the same way; the file is deleted below all the same.
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // Nothing more can be done about a temporary file the system will not delete.
        }
    }

    /**
     * The RIFF header up to and including the data chunk's size field: plain PCM / IEEE float
     * for mono and stereo, WAVE_FORMAT_EXTENSIBLE with a speaker mask above two channels (as
     * Microsoft requires), and a fact chunk for float (required for non-PCM formats).
     */
    private ByteBuffer header(long dataBytes) {
        boolean extensible = channelCount > 2;
        boolean isFloat = encoding == SampleEncoding.FLOAT_32;
        int tag = isFloat ? AudioFileParser.WAVE_FORMAT_IEEE_FLOAT : AudioFileParser.WAVE_FORMAT_PCM;
        int fmtBytes = extensible ? 40 : isFloat ? 18 : 16;
        int factBytes = isFloat ? 12 : 0;
        int blockAlign = channelCount * encoding.bytesPerSample();
        ByteBuffer h = ByteBuffer.allocate(12 + 8 + fmtBytes + factBytes + 8).order(ByteOrder.LITTLE_ENDIAN);
        long riffBytes = h.capacity() - 8 + dataBytes + (dataBytes & 1);
        h.put(ascii("RIFF")).putInt((int) riffBytes).put(ascii("WAVE"));
        h.put(ascii("fmt ")).putInt(fmtBytes);
        h.putShort((short) (extensible ? AudioFileParser.WAVE_FORMAT_EXTENSIBLE : tag)).putShort((short) channelCount)
                .putInt(sampleRateHz).putInt(sampleRateHz * blockAlign)
                .putShort((short) blockAlign).putShort((short) encoding.bitsPerSample());
        if (extensible) {
            h.putShort((short) 22).putShort((short) encoding.bitsPerSample())
                    .putInt(CHANNEL_MASKS[channelCount - 1]).putShort((short) tag).put(AudioFileParser.SUBTYPE_GUID_TAIL);
        } else if (isFloat) {
            h.putShort((short) 0);
        }
        if (isFloat) {
            h.put(ascii("fact")).putInt(4).putInt((int) (dataBytes / blockAlign));
        }
        h.put(ascii("data")).putInt((int) dataBytes);
        return h.flip();
    }

    private static byte[] ascii(String id) {
        return id.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
