package dev.mixdojo.audio;

import dev.mixdojo.base.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.Obuffer;

/**
 * Decodes MPEG audio (MP3, and layers I and II) with JLayer's decoder, called directly, to
 * float. Gapless: the encoder's delay and padding are read from the LAME / Xing "Info" frame
 * (which is not audio and is not decoded) and trimmed together with the synthesis filter bank's
 * own delay, so an MP3 is as long as the file it was made from, sample for sample, as in ffmpeg.
 */
final class Mp3Decoding {
    /** The MPEG polyphase synthesis filter bank's delay in samples (528 + 1, as LAME and ffmpeg count it). */
    static final int DECODER_DELAY_FRAMES = 529;
    /** JLayer's synthesis output full scale (Decoder's fixed scale factor). */
    private static final float JLAYER_FULL_SCALE = 32700f;
    private static final int HEAD_BYTES = 64 * 1024;

    private Mp3Decoding() {
    }

    /** What the LAME / Xing "Info" frame says: audio frames after it, samples per frame, the encoder's delay and padding. */
    record InfoFrame(long mpegFrames, int samplesPerFrame, int delayFrames, int paddingFrames) {
        long lengthFrames() {
            return mpegFrames * samplesPerFrame - delayFrames - paddingFrames;
        }
    }

    static void decode(Path file, FileChannel channel, InputStream in, DecodedSink sink) throws IOException {
        Optional<InfoFrame> info = infoFrame(channel);
        Bitstream bitstream = new Bitstream(in);
        Decoder decoder = new Decoder();
        FloatFrame output = new FloatFrame();
        decoder.setOutputBuffer(output);
        try {
            Header header = bitstream.readFrame();
            if (header == null) {
                throw new BadInputException(file, "the file holds no MPEG audio frames; it is damaged or not an MP3 file.");
            }
            int channels = header.mode() == Header.SINGLE_CHANNEL ? 1 : 2;
            float[][] block = new float[channels][];
            sink.start(header.frequency(), channels, SampleEncoding.FLOAT_32);
            if (info.isPresent()) {
                bitstream.closeFrame(); // the Info frame carries the header, not sound
                header = bitstream.readFrame();
                InfoFrame gapless = info.get();
                if (gapless.mpegFrames() > 0) {
                    sink.trim(gapless.delayFrames() + DECODER_DELAY_FRAMES, gapless.lengthFrames());
                }
            }
            for (; header != null; header = bitstream.readFrame()) {
                if (header.frequency() != sink.sampleRateHz() || (header.mode() == Header.SINGLE_CHANNEL ? 1 : 2) != channels) {
                    throw new BadInputException(file, "the file changes its sample rate or channel count part-way, which MixDojo does not read.");
                }
                output.clear_buffer();
                decoder.decodeFrame(header, bitstream);
                int frames = output.filled[0];
                for (int c = 0; c < channels; c++) {
                    float[] samples = output.samples[c];
                    for (int i = 0; i < frames; i++) {
                        samples[i] /= JLAYER_FULL_SCALE;
                    }
                    block[c] = samples;
                }
                sink.write(block, 0, frames);
                bitstream.closeFrame();
            }
        } catch (BitstreamException | DecoderException | IndexOutOfBoundsException e) {
            if (sink.writtenFrames() == 0) {
                throw new BadInputException(file, "the file is damaged: its MPEG audio cannot be decoded ("
                        + Decoding.reason(e) + ").", e);
            }
            // A damaged or cut-off frame near the end: keep what decoded (the sink warns if the header promised more).
        } finally {
            try {
                bitstream.close();
            } catch (BitstreamException ignored) {
                // Closing the stream we were handed: the caller closes the file.
            }
        }
    }

    /**
     * The LAME / Xing "Info" frame at the start of the file, if there is one: found after any
     * ID3v2 tag, at the offset the first frame's MPEG version and channel mode set (Xing's layout),
     * with the encoder's delay and padding from the LAME extension written by LAME and ffmpeg.
     */
    static Optional<InfoFrame> infoFrame(FileChannel channel) throws IOException {
        ByteBuffer head = ByteBuffer.allocate((int) Math.min(HEAD_BYTES, channel.size()));
        while (head.hasRemaining() && channel.read(head, head.position()) >= 0) {
            // read until the buffer is full or the file ends
        }
        byte[] bytes = head.array();
        int length = head.position();
        int at = Decoding.afterId3v2(bytes, length);
        while (at + 4 <= length && !isFrameHeader(bytes, at)) {
            at++;
        }
        if (at + 4 > length) {
            return Optional.empty();
        }
        int b1 = bytes[at + 1] & 0xFF;
        int b3 = bytes[at + 3] & 0xFF;
        boolean mpeg1 = (b1 & 0x18) == 0x18;
        boolean mono = (b3 & 0xC0) == 0xC0;
        int layer = 4 - ((b1 >> 1) & 3);
        int sideInfo = mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17);
        int xing = at + 4 + sideInfo;
        if (xing + 8 > length) {
            return Optional.empty();
        }
        String tag = new String(bytes, xing, 4, StandardCharsets.ISO_8859_1);
        if (!tag.equals("Xing") && !tag.equals("Info")) {
            return Optional.empty();
        }
        int flags = readInt(bytes, xing + 4);
        int p = xing + 8;
        long mpegFrames = 0;
        if ((flags & 1) != 0 && p + 4 <= length) {
            mpegFrames = Integer.toUnsignedLong(readInt(bytes, p));
            p += 4;
        }
        p += ((flags & 2) != 0 ? 4 : 0) + ((flags & 4) != 0 ? 100 : 0) + ((flags & 8) != 0 ? 4 : 0);
        int samplesPerFrame = layer == 1 ? 384 : layer == 2 || mpeg1 ? 1152 : 576;
        int delay = 0;
        int padding = 0;
        if (p + 24 <= length) {
            String encoder = new String(bytes, p, 4, StandardCharsets.ISO_8859_1);
            if (encoder.equals("LAME") || encoder.equals("Lavf") || encoder.equals("Lavc")) {
                int d = p + 21;
                delay = (bytes[d] & 0xFF) << 4 | (bytes[d + 1] & 0xFF) >> 4;
                padding = (bytes[d + 1] & 0x0F) << 8 | (bytes[d + 2] & 0xFF);
            }
        }
        if (mpegFrames * samplesPerFrame < (long) delay + padding) {
            return Optional.of(new InfoFrame(0, samplesPerFrame, 0, 0));
        }
        return Optional.of(new InfoFrame(mpegFrames, samplesPerFrame, delay, padding));
    }

    /** An MPEG audio frame header: 11 sync bits, a defined version and layer, a usable bitrate and sample rate. */
    private static boolean isFrameHeader(byte[] bytes, int at) {
        int b1 = bytes[at + 1] & 0xFF;
        int b2 = bytes[at + 2] & 0xFF;
        return (bytes[at] & 0xFF) == 0xFF && (b1 & 0xE0) == 0xE0 && (b1 & 0x18) != 0x08 && (b1 & 0x06) != 0
                && (b2 & 0xF0) != 0xF0 && (b2 & 0x0C) != 0x0C;
    }

    private static int readInt(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8 | (bytes[at + 3] & 0xFF);
    }

    /** Collects one decoded MPEG frame as floats per channel, before JLayer rounds them to 16 bits. */
    private static final class FloatFrame extends Obuffer {
        private static final int MAX_FRAMES = 1152;
        final float[][] samples = new float[2][MAX_FRAMES];
        final int[] filled = new int[2];

        @Override
        public void appendSamples(int channel, float[] f) {
            System.arraycopy(f, 0, samples[channel], filled[channel], 32);
            filled[channel] += 32;
        }

        @Override
        public void append(int channel, short value) {
            samples[channel][filled[channel]++] = value;
        }

        @Override
        public void write_buffer(int val) {
        }

        @Override
        public void close() {
        }

        @Override
        public void clear_buffer() {
            filled[0] = 0;
            filled[1] = 0;
        }

        @Override
        public void set_stop_flag() {
        }
    }
}
