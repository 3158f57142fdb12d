package dev.mixdojo.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Hand-crafted RIFF and IFF files for the cases sox cannot make (BWF chunks, odd padding,
 * 64-bit float, sowt, damaged headers): chunks are appended in order, sizes given or computed.
 */
public final class FileBytes {
    private final ByteOrder order;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private FileBytes(ByteOrder order) {
        this.order = order;
    }

    /** A RIFF/WAVE file; the RIFF size is filled in by {@link #writeTo} unless set with {@link #riffSize}. */
    public static FileBytes wav() {
        return new FileBytes(ByteOrder.LITTLE_ENDIAN).id("RIFF").u32(0).id("WAVE");
    }

    /** A FORM/AIFF or FORM/AIFC file. */
    public static FileBytes aiff(boolean aifc) {
        return new FileBytes(ByteOrder.BIG_ENDIAN).id("FORM").u32(0).id(aifc ? "AIFC" : "AIFF");
    }

    /** A plain format chunk (16 bytes for PCM; 18 with cbSize=0 otherwise). */
    public FileBytes fmt(int tag, int channels, int rateHz, int bits) {
        int blockAlign = channels * ((bits + 7) / 8);
        ByteBuffer b = buffer(tag == 1 ? 16 : 18);
        b.putShort((short) tag).putShort((short) channels).putInt(rateHz).putInt(rateHz * blockAlign)
                .putShort((short) blockAlign).putShort((short) bits);
        if (tag != 1) {
            b.putShort((short) 0);
        }
        return chunk("fmt ", b.array());
    }

    /** A WAVE_FORMAT_EXTENSIBLE format chunk whose sub-format GUID carries {@code subTag}. */
    public FileBytes fmtExtensible(int subTag, int channels, int rateHz, int bits, int validBits) {
        int blockAlign = channels * (bits / 8);
        ByteBuffer b = buffer(40);
        b.putShort((short) 0xFFFE).putShort((short) channels).putInt(rateHz).putInt(rateHz * blockAlign)
                .putShort((short) blockAlign).putShort((short) bits).putShort((short) 22).putShort((short) validBits)
                .putInt(0).putShort((short) subTag).put(AudioFileParser.SUBTYPE_GUID_TAIL);
        return chunk("fmt ", b.array());
    }

    /** An AIFF / AIFF-C common chunk; {@code compression} null for plain AIFF. */
    public FileBytes comm(int channels, long frames, int bits, double rateHz, String compression) {
        ByteBuffer b = buffer(compression == null ? 18 : 24);
        b.putShort((short) channels).putInt((int) frames).putShort((short) bits).put(extended(rateHz));
        if (compression != null) {
            b.put(compression.getBytes(StandardCharsets.ISO_8859_1)).put((byte) 0).put((byte) 0);
        }
        return chunk("COMM", b.array());
    }

    /** An SSND chunk (offset 0, block size 0) around the sample bytes. */
    public FileBytes ssnd(byte[] samples) {
        ByteBuffer b = buffer(8 + samples.length);
        b.putInt(0).putInt(0).put(samples);
        return chunk("SSND", b.array());
    }

    /** A chunk with its true size, padded to even length. */
    public FileBytes chunk(String id, byte[] body) {
        return chunkClaiming(id, body.length, body);
    }

    /** A chunk whose size field says {@code claimedSize}, whatever the body really is. */
    public FileBytes chunkClaiming(String id, long claimedSize, byte[] body) {
        id(id).u32(claimedSize);
        bytes.writeBytes(body);
        if ((body.length & 1) != 0) {
            bytes.write(0);
        }
        return this;
    }

    /** Raw bytes appended as they are. */
    public FileBytes raw(byte[] body) {
        bytes.writeBytes(body);
        return this;
    }

    /** Writes the file, filling in the RIFF/FORM size unless {@code riffSize} was given. */
    public Path writeTo(Path file) {
        return writeTo(file, -1);
    }

    /** Writes the file with the RIFF/FORM size field set to {@code riffSize} (or the true size if negative). */
    public Path writeTo(Path file, long riffSize) {
        byte[] all = bytes.toByteArray();
        ByteBuffer.wrap(all).order(order).putInt(4, (int) (riffSize >= 0 ? riffSize : all.length - 8));
        try {
            Files.write(file, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Interleaves samples as little- or big-endian bytes of the given kind ("s16", "s24", "s32", "f32", "f64"). */
    public static byte[] samples(float[][] channels, String kind, ByteOrder order) {
        int size = switch (kind) {
            case "s16" -> 2;
            case "s24" -> 3;
            case "s32", "f32" -> 4;
            case "f64" -> 8;
            default -> throw new IllegalArgumentException(kind);
        };
        ByteBuffer b = ByteBuffer.allocate(channels.length * channels[0].length * size).order(order);
        for (int f = 0; f < channels[0].length; f++) {
            for (float[] channel : channels) {
                double x = channel[f];
                switch (kind) {
                    case "s16" -> b.putShort((short) Math.round(x * 32768));
                    case "s24" -> {
                        int v = (int) Math.round(x * 8388608);
                        if (order == ByteOrder.LITTLE_ENDIAN) {
                            b.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
                        } else {
                            b.put((byte) (v >> 16)).put((byte) (v >> 8)).put((byte) v);
                        }
                    }
                    case "s32" -> b.putInt((int) Math.round(x * 2147483648.0));
                    case "f32" -> b.putFloat((float) x);
                    default -> b.putDouble(x);
                }
            }
        }
        return b.array();
    }

    /** The 80-bit IEEE extended encoding of a positive whole number, as AIFF stores rates. */
    public static byte[] extended(double value) {
        long whole = (long) value;
        int exponent = 63 - Long.numberOfLeadingZeros(whole);
        long mantissa = whole << (63 - exponent);
        return ByteBuffer.allocate(10).order(ByteOrder.BIG_ENDIAN)
                .putShort((short) (16383 + exponent)).putLong(mantissa).array();
    }

    private FileBytes id(String id) {
        bytes.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    private FileBytes u32(long value) {
        bytes.writeBytes(buffer(4).putInt((int) value).array());
        return this;
    }

    private ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(order);
    }
}
