package dev.mixdojo.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * How samples are laid out in a file's sound data: integer or float, bytes per sample, byte
 * order; decodes interleaved frames into non-interleaved floats (nominal -1…1).
 */
record SampleFormat(Encoding encoding, int bytesPerSample, int bitsPerSample, ByteOrder byteOrder) {

    /** Closed set of sample encodings we decode. */
    enum Encoding {
        /** Two's-complement integers, full scale 2^(bits-1). */
        PCM_SIGNED("PCM signed"),
        /** Offset-binary integers (8-bit WAV): 128 is silence. */
        PCM_UNSIGNED("PCM unsigned"),
        /** IEEE 754 float, 4 or 8 bytes, full scale 1.0. */
        FLOAT("IEEE float");

        final String label;

        Encoding(String label) {
            this.label = label;
        }
    }

    SampleFormat {
        boolean sizeOk = encoding == Encoding.FLOAT
                ? bytesPerSample == 4 || bytesPerSample == 8
                : bytesPerSample >= 1 && bytesPerSample <= 4;
        if (!sizeOk) {
            throw new IllegalArgumentException(encoding + " samples cannot be " + bytesPerSample + " bytes");
        }
    }

    /** What a person calls this encoding, e.g. {@code "PCM signed"} or {@code "IEEE float"}. */
    String label() {
        return encoding.label;
    }

    /**
     * Decodes {@code frames} interleaved frames from {@code bytes} (read from its position) into
     * {@code out[c][offset…]}; a sample that is not a finite 32-bit float after conversion (NaN,
     * infinite, or a 64-bit value beyond the float range such as 1e300) becomes 0. Returns how many
     * were replaced.
     */
    long decode(ByteBuffer bytes, int frames, float[][] out, int offset) {
        bytes.order(byteOrder);
        int channels = out.length;
        if (encoding == Encoding.PCM_SIGNED && (bytesPerSample == 2 || bytesPerSample == 3) && bytes.hasArray()) {
            decodeSignedArray(bytes, frames, out, offset);
            return 0;
        }
        long replaced = 0;
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                float value;
                if (encoding == Encoding.FLOAT) {
                    // Checked after the conversion to float: a finite double such as 1e300 is infinite as a float.
                    value = bytesPerSample == 4 ? bytes.getFloat() : (float) bytes.getDouble();
                    if (!Float.isFinite(value)) {
                        value = 0;
                        replaced++;
                    }
                } else {
                    value = readInteger(bytes);
                }
                out[c][offset + f] = value;
            }
        }
        return replaced;
    }

    /**
     * The common 16- and 24-bit cases, one channel at a time straight from the backing array: the
     * same values as {@link #readInteger}, but a loop this small runs fast even before the JIT has
     * compiled it, and decoding starts before compilation in every command-line run.
     */
    private void decodeSignedArray(ByteBuffer bytes, int frames, float[][] out, int offset) {
        byte[] array = bytes.array();
        int start = bytes.arrayOffset() + bytes.position();
        int stride = bytesPerSample * out.length;
        boolean littleEndian = byteOrder == ByteOrder.LITTLE_ENDIAN;
        for (int c = 0; c < out.length; c++) {
            int first = start + c * bytesPerSample;
            if (bytesPerSample == 2) {
                decode16(array, first, stride, littleEndian, out[c], offset, frames);
            } else {
                decode24(array, first, stride, littleEndian, out[c], offset, frames);
            }
        }
        bytes.position(bytes.position() + stride * frames);
    }

    private static void decode16(byte[] in, int first, int stride, boolean littleEndian, float[] out, int offset, int frames) {
        int low = littleEndian ? 0 : 1;
        int high = 1 - low;
        for (int f = 0, p = first; f < frames; f++, p += stride) {
            out[offset + f] = (in[p + high] << 8 | (in[p + low] & 0xFF)) / 32768f;
        }
    }

    private static void decode24(byte[] in, int first, int stride, boolean littleEndian, float[] out, int offset, int frames) {
        int low = littleEndian ? 0 : 2;
        int high = 2 - low;
        for (int f = 0, p = first; f < frames; f++, p += stride) {
            out[offset + f] = (in[p + high] << 16 | (in[p + 1] & 0xFF) << 8 | (in[p + low] & 0xFF)) / 8388608f;
        }
    }

    private float readInteger(ByteBuffer bytes) {
        // Integers are left-justified in their container (WAV and AIFF both say so), so the
        // full scale is set by the container size, not the valid bits: 2^(8·bytes − 1).
        switch (bytesPerSample) {
            case 1: {
                int b = bytes.get();
                return encoding == Encoding.PCM_UNSIGNED ? ((b & 0xFF) - 128) / 128f : b / 128f;
            }
            case 2:
                return bytes.getShort() / 32768f;
            case 3: {
                int b0 = bytes.get() & 0xFF;
                int b1 = bytes.get() & 0xFF;
                int b2 = bytes.get() & 0xFF;
                int value = byteOrder == ByteOrder.LITTLE_ENDIAN
                        ? (b2 << 24 | b1 << 16 | b0 << 8) >> 8
                        : (b0 << 24 | b1 << 16 | b2 << 8) >> 8;
                return value / 8388608f;
            }
            default:
                return (float) (bytes.getInt() / 2147483648.0);
        }
    }

    /** Bytes of one frame of {@code channels} samples. */
    int frameBytes(int channels) {
        return bytesPerSample * channels;
    }
}
