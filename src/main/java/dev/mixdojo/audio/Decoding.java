package dev.mixdojo.audio;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The compressed formats MixDojo reads (FLAC, MP3, Ogg Vorbis, AAC in MP4/M4A or ADTS), found by
 * their first bytes, never by the file's name, and decoded by pure-Java decoders called directly
 * (never registered with Java Sound) into a temporary WAV file that is read like any other.
 */
final class Decoding {
    private static final int SNIFF_BYTES = 64;

    private Decoding() {
    }

    /** The compressed format the file's first bytes show, or empty for anything else (WAV, AIFF, junk). */
    static Optional<AudioContainer> sniff(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(SNIFF_BYTES, channel.size()));
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
            // read the first bytes
        }
        byte[] head = buffer.array();
        int length = buffer.position();
        if (startsWith(head, length, 0, "fLaC")) {
            return Optional.of(AudioContainer.FLAC);
        }
        if (startsWith(head, length, 0, "OggS")) {
            return Optional.of(AudioContainer.OGG_VORBIS);
        }
        if (startsWith(head, length, 4, "ftyp")) {
            return Optional.of(AudioContainer.MP4_AAC);
        }
        int start = afterId3v2(head, length);
        if (start > 0) {
            // An ID3v2 tag stands before MP3 streams (and sometimes FLAC and ADTS AAC ones): look past it.
            ByteBuffer after = ByteBuffer.allocate(4);
            while (after.hasRemaining() && channel.read(after, start + after.position()) >= 0) {
                // read the stream's first bytes
            }
            head = after.array();
            length = after.position();
            if (startsWith(head, length, 0, "fLaC")) {
                return Optional.of(AudioContainer.FLAC);
            }
            return Optional.of(isAdts(head, length) ? AudioContainer.ADTS_AAC : AudioContainer.MP3);
        }
        if (isAdts(head, length)) {
            return Optional.of(AudioContainer.ADTS_AAC);
        }
        if (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x06) != 0) {
            return Optional.of(AudioContainer.MP3);
        }
        return Optional.empty();
    }

    /**
     * Opens a compressed file (already sniffed as {@code format} through {@code channel}, which this
     * closes) as a stream over its decoded samples. The temporary WAV file is deleted at once where
     * the system allows an open file to be deleted, otherwise when the stream is closed.
     */
    static AudioStream open(Path file, FileChannel channel, AudioContainer format, Warnings warnings) throws IOException {
        Path temporary;
        try {
            temporary = toTemporaryWav(file, channel, format, warnings);
        } finally {
            channel.close();
        }
        FileChannel decoded = FileChannel.open(temporary, StandardOpenOption.READ, StandardOpenOption.DELETE_ON_CLOSE);
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException stillOpen) {
            // Windows keeps an open file; DELETE_ON_CLOSE removes it when the stream closes.
        }
        FileLayout wav = AudioFileParser.parse(file, decoded, new Warnings());
        FileLayout layout = new FileLayout(format, wav.format(), wav.sampleRateHz(), wav.channelCount(), wav.dataOffset(), wav.frames());
        return new AudioStream(file, decoded, layout, warnings);
    }

    /**
     * Decodes {@code file} (already sniffed as {@code format}) into a new temporary WAV file and
     * returns it; the caller deletes it. FLAC is stored as 16- or 24-bit PCM (bit-exact), the
     * lossy formats as 32-bit float. Damaged files raise {@link BadInputException}; a stream cut
     * short adds a warning and keeps what decoded.
     */
    static Path toTemporaryWav(Path file, FileChannel channel, AudioContainer format, Warnings warnings) {
        Path temporary;
        try {
            temporary = Files.createTempFile("mixdojo-decoded-", ".wav");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean done = false;
        try (DecodedSink sink = new DecodedSink(file, temporary, warnings)) {
            channel.position(0);
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
            switch (format) {
                case FLAC -> FlacDecoding.decode(file, in, sink, warnings);
                case MP3 -> Mp3Decoding.decode(file, channel, in, sink);
                case OGG_VORBIS -> VorbisDecoding.decode(file, in, sink, warnings);
                case MP4_AAC -> AacDecoding.decodeMp4(file, sink);
                case ADTS_AAC -> AacDecoding.decodeAdts(file, in, sink);
                default -> throw new IllegalArgumentException(format + " is not a compressed format");
            }
            sink.finish(format.label());
            done = true;
            return temporary;
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read: " + e.getMessage() + ".", e);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // a temporary file in the system's temporary folder; nothing of the user's is lost
                }
            }
        }
    }

    /** An ADTS frame header: 12 sync bits and layer 0 (MPEG audio frames have a layer of 1 to 3 there). */
    private static boolean isAdts(byte[] head, int length) {
        return length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xF0) == 0xF0 && (head[1] & 0x06) == 0;
    }

    /** Where the sound starts after an ID3v2 tag at the start of {@code bytes} (0 when there is none). */
    static int afterId3v2(byte[] bytes, int length) {
        if (length < 10 || !startsWith(bytes, length, 0, "ID3")) {
            return 0;
        }
        int size = (bytes[6] & 0x7F) << 21 | (bytes[7] & 0x7F) << 14 | (bytes[8] & 0x7F) << 7 | (bytes[9] & 0x7F);
        boolean footer = (bytes[5] & 0x10) != 0;
        return 10 + size + (footer ? 10 : 0); // up to 256 MiB: callers read there, never allocate it
    }

    /** A decoder library's complaint, short enough for the end of a sentence. */
    static String reason(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        message = message.strip().replaceAll("\\s+", " ").replaceFirst("\\.$", "");
        return message.length() > 120 ? message.substring(0, 120) + "…" : message;
    }

    private static boolean startsWith(byte[] bytes, int length, int at, String magic) {
        return length >= at + magic.length()
                && new String(bytes, at, magic.length(), StandardCharsets.ISO_8859_1).equals(magic);
    }
}
