package dev.mixdojo.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.base.Warnings;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AudioFilesReadTest {
    @TempDir
    Path dir;

    /** Our decode of a sox-made file must equal sox's own decode of it, sample for sample. */
    @ParameterizedTest(name = "{0} {1} Hz {2} ch")
    @CsvSource({
        "'-b 8', 8000, 1, 8",
        "'-b 16', 44100, 2, 16",
        "'-b 24', 48000, 2, 24",
        "'-b 32', 96000, 1, 32",
        "'-e floating-point -b 32', 44100, 2, 32",
        "'-e floating-point -b 64', 192000, 1, 64",
        "'-b 24', 48000, 6, 24",
        "'-e floating-point -b 32', 48000, 8, 32",
        "'-b 16', 22050, 3, 16",
    })
    void readsEveryWavEncodingSoxWritesExactlyAsSoxDecodesIt(String format, int rateHz, int channels, int bits) {
        Sox.assumeInstalled();
        Path file = Sox.tone(dir.resolve("t.wav"), rateHz, channels, format, 0.05, 997, 0.7);
        assertSameAsSox(file, rateHz, channels, bits);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "'-b 16', t.aiff, 16",
        "'-b 24', t.aiff, 24",
        "'-b 8', t.aiff, 8",
        "'-b 16', t.aifc, 16",
        "'-e floating-point -b 32', t.aifc, 32",
        "'-e floating-point -b 64', t.aifc, 64",
    })
    void readsAiffAndAiffCFromSoxExactlyAsSoxDecodesThem(String format, String name, int bits) {
        Sox.assumeInstalled();
        Path file = Sox.tone(dir.resolve(name), 44100, 2, format, 0.05, 440, 0.6);
        assertSameAsSox(file, 44100, 2, bits);
    }

    private void assertSameAsSox(Path file, int rateHz, int channels, int bits) {
        Warnings warnings = new Warnings();
        AudioBuffer ours = AudioFiles.read(file, warnings);
        double[][] theirs = Sox.decode(file);
        assertThat(warnings.all()).isEmpty();
        assertThat(ours.sampleRateHz()).isEqualTo(rateHz);
        assertThat(ours.channelCount()).isEqualTo(channels);
        assertThat((long) ours.frames()).isEqualTo(Long.parseLong(Sox.soxi("-s", file)));
        assertThat(AudioFiles.info(file).bitsPerSample()).isEqualTo(bits);
        // sox passes samples through 32-bit integers: float input loses bits below 2^-31.
        assertThat(maxError(ours, theirs)).isLessThan(1e-7);
    }

    /** Largest absolute difference between our samples and a reference decode. */
    static double maxError(AudioBuffer ours, double[][] reference) {
        assertThat(reference.length).isEqualTo(ours.channelCount());
        double max = 0;
        for (int c = 0; c < reference.length; c++) {
            assertThat(reference[c]).hasSize(ours.frames());
            for (int n = 0; n < ours.frames(); n++) {
                max = Math.max(max, Math.abs(ours.channel(c)[n] - reference[c][n]));
            }
        }
        return max;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "sowt, s16, 16, LITTLE_ENDIAN",
        "twos, s24, 24, BIG_ENDIAN",
        "NONE, s32, 32, BIG_ENDIAN",
        "fl32, f32, 32, BIG_ENDIAN",
        "FL32, f32, 32, BIG_ENDIAN",
        "fl64, f64, 64, BIG_ENDIAN",
    })
    void readsHandMadeAiffCEncodings(String compression, String kind, int bits, String order) {
        AudioBuffer signal = Signals.sine(2, 1001, 48000, 1000, 0.5);
        byte[] samples = FileBytes.samples(signal.channels(), kind, order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        Path file = FileBytes.aiff(true).chunk("FVER", new byte[] {(byte) 0xA2, (byte) 0x80, 0x51, 0x40})
                .comm(2, 1001, bits, 48000, compression).ssnd(samples).writeTo(dir.resolve("hand.aifc"));

        AudioBuffer read = AudioFiles.read(file, new Warnings());

        assertThat(read.sampleRateHz()).isEqualTo(48000);
        assertClose(read, signal, Math.pow(2, -(Math.min(bits, 24) - 1)));
    }

    @Test
    void readsBroadcastWaveWithMetadataChunksAndOddPadding() {
        AudioBuffer signal = Signals.sine(2, 999, 48000, 440, 0.8);
        byte[] oddChunk = new byte[] {1, 2, 3}; // 3 bytes: RIFF pads it with one zero byte
        Path file = FileBytes.wav()
                .chunk("bext", new byte[602])
                .chunk("JUNK", new byte[28])
                .fmt(1, 2, 48000, 24)
                .chunk("LIST", "INFOISFT\u0006\u0000\u0000\u0000mixdo\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                .chunk("odd ", oddChunk)
                .chunk("data", FileBytes.samples(signal.channels(), "s24", ByteOrder.LITTLE_ENDIAN))
                .chunk("cue ", new byte[28])
                .writeTo(dir.resolve("bwf.wav"));

        Warnings warnings = new Warnings();
        AudioBuffer read = AudioFiles.read(file, warnings);

        assertThat(warnings.all()).isEmpty();
        assertThat(read.frames()).isEqualTo(999);
        assertClose(read, signal, Math.pow(2, -23));
    }

    @Test
    void readsAnOddSizedDataChunkFollowedByItsPadByteAndMoreChunks() {
        AudioBuffer signal = Signals.sine(1, 333, 44100, 440, 0.5); // 333 × 3 bytes: odd
        Path file = FileBytes.wav().fmt(1, 1, 44100, 24)
                .chunk("data", FileBytes.samples(signal.channels(), "s24", ByteOrder.LITTLE_ENDIAN))
                .chunk("LIST", new byte[10])
                .writeTo(dir.resolve("odd.wav"));

        AudioBuffer read = AudioFiles.read(file, new Warnings());

        assertThat(read.frames()).isEqualTo(333);
        assertClose(read, signal, Math.pow(2, -23));
    }

    @ParameterizedTest(name = "tag {0}, {2} bits")
    @CsvSource({
        "3, f64, 64",
        "3, f32, 32",
        "1, s32, 32",
        "1, s16, 16",
    })
    void readsHandMadePlainAndExtensibleWavs(int tag, String kind, int bits) {
        AudioBuffer signal = Signals.sine(2, 500, 96000, 3000, 0.9);
        byte[] samples = FileBytes.samples(signal.channels(), kind, ByteOrder.LITTLE_ENDIAN);
        Path plain = FileBytes.wav().fmt(tag, 2, 96000, bits).chunk("data", samples).writeTo(dir.resolve("plain.wav"));
        Path extensible = FileBytes.wav().fmtExtensible(tag, 2, 96000, bits, bits).chunk("data", samples)
                .writeTo(dir.resolve("ext.wav"));

        double step = Math.pow(2, -(Math.min(bits, 24) - 1));
        assertClose(AudioFiles.read(plain, new Warnings()), signal, step);
        assertClose(AudioFiles.read(extensible, new Warnings()), signal, step);
        assertThat(AudioFiles.info(extensible).encoding()).isEqualTo(tag == 3 ? "IEEE float" : "PCM signed");
    }

    @Test
    void extensibleWavReportsItsValidBitsNotItsContainerSize() {
        AudioBuffer signal = Signals.sine(1, 100, 48000, 1000, 0.5);
        Path file = FileBytes.wav().fmtExtensible(1, 1, 48000, 24, 20)
                .chunk("data", FileBytes.samples(signal.channels(), "s24", ByteOrder.LITTLE_ENDIAN))
                .writeTo(dir.resolve("20bit.wav"));

        assertThat(AudioFiles.info(file).bitsPerSample()).isEqualTo(20);
        assertClose(AudioFiles.read(file, new Warnings()), signal, Math.pow(2, -23));
    }

    @ParameterizedTest
    @CsvSource({"8000", "11025", "22050", "44100", "48000", "88200", "96000", "176400", "192000"})
    void aiffEightyBitSampleRatesDecodeToTheRateWritten(int rateHz) {
        Path file = FileBytes.aiff(false).comm(1, 4, 16, rateHz, null).ssnd(new byte[8]).writeTo(dir.resolve("r.aiff"));

        assertThat(AudioFiles.info(file).sampleRateHz()).isEqualTo(rateHz);
    }

    @Test
    void eightyBitExtendedDecodesTheTextbookValueOf44100() {
        // 44100 Hz as Apple's own files store it: 400E AC44 0000 0000 0000.
        byte[] bytes = {0x40, 0x0E, (byte) 0xAC, 0x44, 0, 0, 0, 0, 0, 0};
        assertThat(AudioFileParser.extendedToDouble(java.nio.ByteBuffer.wrap(bytes), 0)).isEqualTo(44100.0);
    }

    @Test
    void aStreamedWavWithoutADataLengthIsReadToTheEndWithAWarning() {
        AudioBuffer signal = Signals.sine(2, 100, 44100, 1000, 0.5);
        Path file = FileBytes.wav().fmt(1, 2, 44100, 16)
                .chunkClaiming("data", 0xFFFFFFFFL, FileBytes.samples(signal.channels(), "s16", ByteOrder.LITTLE_ENDIAN))
                .writeTo(dir.resolve("streamed.wav"), 0xFFFFFFFFL);
        Warnings warnings = new Warnings();

        AudioBuffer read = AudioFiles.read(file, warnings);

        assertClose(read, signal, 1 / 32768.0);
        assertThat(warnings.all()).singleElement().asString().contains("streamed.wav").contains("read to the end of the file");
    }

    @Test
    void anEmptyDataChunkIsAValidSilentFileOfZeroFrames() {
        Path file = FileBytes.wav().fmt(1, 2, 44100, 16).chunk("data", new byte[0]).writeTo(dir.resolve("empty-data.wav"));

        AudioFileInfo info = AudioFiles.info(file);

        assertThat(info.frames()).isZero();
        assertThat(info.isSilent()).isTrue();
        assertThat(info.warnings()).isEmpty();
    }

    static void assertClose(AudioBuffer actual, AudioBuffer expected, double step) {
        double[][] reference = new double[expected.channelCount()][expected.frames()];
        for (int c = 0; c < reference.length; c++) {
            for (int n = 0; n < expected.frames(); n++) {
                reference[c][n] = expected.channel(c)[n];
            }
        }
        assertThat(maxError(actual, reference)).isLessThanOrEqualTo(step / 2 + 1e-9);
    }
}
