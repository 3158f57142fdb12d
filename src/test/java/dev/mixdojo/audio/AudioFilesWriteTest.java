package dev.mixdojo.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AudioFilesWriteTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SampleEncoding.class)
    void everyEncodingRoundTripsWithinHalfAQuantisationStep(SampleEncoding encoding) {
        AudioBuffer noise = Signals.noise(2, 10_000, 48000, 0.99, 7);
        Path file = dir.resolve("round.wav");

        AudioFiles.write(file, noise, encoding);
        AudioBuffer back = AudioFiles.read(file, new Warnings());

        double step = encoding == SampleEncoding.FLOAT_32 ? 0 : Math.pow(2, -(encoding.bitsPerSample() - 1));
        AudioFilesReadTest.assertClose(back, noise, step);
        assertThat(back.sampleRateHz()).isEqualTo(48000);
        assertThat(AudioFiles.info(file).bitsPerSample()).isEqualTo(encoding.bitsPerSample());
    }

    @ParameterizedTest
    @EnumSource(SampleEncoding.class)
    void pcmWrittenTwiceFromItsOwnReadIsBitIdentical(SampleEncoding encoding) throws IOException {
        Path first = dir.resolve("a.wav");
        Path second = dir.resolve("b.wav");
        AudioFiles.write(first, Signals.sine(6, 3001, 96000, 1000, 0.5), encoding);

        AudioFiles.write(second, AudioFiles.read(first, new Warnings()), encoding);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @ParameterizedTest
    @EnumSource(SampleEncoding.class)
    void soxReadsOurFilesWithTheSameFormatAndSamples(SampleEncoding encoding) {
        Sox.assumeInstalled();
        AudioBuffer signal = Signals.sine(6, 4800, 48000, 1000, 0.5);
        Path file = dir.resolve("ours.wav");

        AudioFiles.write(file, signal, encoding);

        assertThat(Sox.soxi("-r", file)).isEqualTo("48000");
        assertThat(Sox.soxi("-c", file)).isEqualTo("6");
        assertThat(Sox.soxi("-s", file)).isEqualTo("4800");
        assertThat(Sox.soxi("-b", file)).isEqualTo(Integer.toString(encoding.bitsPerSample()));
        assertThat(AudioFilesReadTest.maxError(AudioFiles.read(file, new Warnings()), Sox.decode(file))).isLessThan(1e-7);
    }

    @Test
    void pcmClipsSamplesBeyondFullScaleAndSaysHowMany() {
        float[][] samples = {{1.5f, -1.5f, 1.0f, -1.0f, 0.25f}};
        Path file = dir.resolve("clip.wav");
        Warnings warnings = new Warnings();

        AudioFiles.write(file, new AudioBuffer(samples, 44100), SampleEncoding.PCM_16, warnings);

        float[] back = AudioFiles.read(file, new Warnings()).channel(0);
        assertThat(back).containsExactly(32767 / 32768f, -1f, 32767 / 32768f, -1f, 0.25f);
        assertThat(warnings.all()).singleElement().asString().contains("clip.wav").contains("2 samples").contains("clipped");
    }

    @Test
    void floatKeepsPeaksAboveFullScale() {
        float[][] samples = {{1.5f, -2.25f, Float.MIN_VALUE}};
        Path file = dir.resolve("loud.wav");
        Warnings warnings = new Warnings();

        AudioFiles.write(file, new AudioBuffer(samples, 44100), SampleEncoding.FLOAT_32, warnings);

        assertThat(AudioFiles.read(file, new Warnings()).channel(0)).containsExactly(1.5f, -2.25f, Float.MIN_VALUE);
        assertThat(warnings.all()).isEmpty();
    }

    @Test
    void writingReplacesTheOldFileAndLeavesNoTemporaryFileBehind() throws IOException {
        Path file = dir.resolve("out.wav");
        Files.writeString(file, "old contents");

        AudioFiles.write(file, Signals.sine(1, 100, 44100, 100, 0.5), SampleEncoding.PCM_24);

        assertThat(AudioFiles.info(file).frames()).isEqualTo(100);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aWriteThatFailsLeavesTheOldFileUntouched() throws IOException {
        Path file = dir.resolve("keep.wav");
        AudioFiles.write(file, Signals.sine(1, 100, 44100, 100, 0.5), SampleEncoding.PCM_16);
        byte[] before = Files.readAllBytes(file);
        float[][] tooManyChannels = new float[9][10];

        assertThatThrownBy(() -> AudioFiles.write(file, new AudioBuffer(tooManyChannels, 44100), SampleEncoding.PCM_16))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void writingIntoAMissingFolderIsBadInputNamingTheFolder() {
        Path file = dir.resolve("no/such/folder/out.wav");

        assertThatThrownBy(() -> AudioFiles.write(file, Signals.sine(1, 10, 44100, 100, 0.5), SampleEncoding.PCM_16))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("out.wav").hasMessageContaining("folder").hasMessageContaining("does not exist");
    }
}
