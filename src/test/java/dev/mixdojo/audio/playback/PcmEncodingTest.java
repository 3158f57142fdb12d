package dev.mixdojo.audio.playback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Float samples become the signed little-endian integers a 16- or 24-bit line expects. */
class PcmEncodingTest {
    private static int sample16(byte[] bytes, int index) {
        return (short) ((bytes[2 * index] & 0xFF) | (bytes[2 * index + 1] << 8));
    }

    private static int sample24(byte[] bytes, int index) {
        int i = 3 * index;
        return ((bytes[i] & 0xFF) | (bytes[i + 1] & 0xFF) << 8 | bytes[i + 2] << 16);
    }

    @Test
    void sixteenBitSamplesAreInterleavedRoundedAndClipped() {
        float[][] block = {{1f, 0.5f, 2f, Float.NaN}, {-1f, -0.25f, -3f, 1e-6f}};
        byte[] bytes = new byte[4 * 2 * 2];
        PcmEncoding.encode(block, 4, 2, bytes);

        int[] decoded = new int[8];
        for (int i = 0; i < 8; i++) {
            decoded[i] = sample16(bytes, i);
        }
        // Interleaved L, R per frame; 0.5·32767 = 16383.5 rounds up; beyond ±1 clips; NaN is silence.
        assertThat(decoded).containsExactly(32767, -32767, 16384, -8192, 32767, -32767, 0, 0);
    }

    @Test
    void twentyFourBitSamplesUseThreeBytesWithTheFullRange() {
        float[][] block = {{1f, -0.25f}, {-1f, 0.125f}};
        byte[] bytes = new byte[2 * 2 * 3];
        PcmEncoding.encode(block, 2, 3, bytes);

        assertThat(new int[] {sample24(bytes, 0), sample24(bytes, 1), sample24(bytes, 2), sample24(bytes, 3)})
                .containsExactly(8_388_607, -8_388_607, -2_097_152, 1_048_576);
    }
}
