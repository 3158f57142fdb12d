package dev.mixdojo.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.base.Warnings;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AudioStreamTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, blocks of {1}")
    @CsvSource({"PCM_16, 1", "PCM_24, 7", "FLOAT_32, 1000", "PCM_24, 4097", "PCM_16, 20000", "FLOAT_32, 12345"})
    void blocksOfAnySizeDeliverExactlyTheSamplesOfTheWholeFileRead(SampleEncoding encoding, int blockFrames) {
        Path file = dir.resolve("s.wav");
        AudioFiles.write(file, Signals.noise(3, 12_345, 44100, 0.9, 3), encoding);
        AudioBuffer whole = AudioFiles.read(file, new Warnings());

        float[][] streamed = new float[3][whole.frames()];
        int blocks = 0;
        try (AudioStream stream = AudioFiles.openStream(file, new Warnings())) {
            assertThat(stream.frames()).isEqualTo(12_345);
            assertThat(stream.sampleRateHz()).isEqualTo(44100);
            assertThat(stream.channelCount()).isEqualTo(3);
            float[][] block = new float[3][blockFrames];
            int at = 0;
            int got;
            while ((got = stream.read(block)) != -1) {
                assertThat(got).isBetween(1, blockFrames);
                for (int c = 0; c < 3; c++) {
                    System.arraycopy(block[c], 0, streamed[c], at, got);
                }
                at += got;
                blocks++;
            }
            assertThat(at).isEqualTo(whole.frames());
            assertThat(stream.read(block)).isEqualTo(-1);
        }
        assertThat(blocks).isEqualTo((12_345 + blockFrames - 1) / blockFrames);
        for (int c = 0; c < 3; c++) {
            assertThat(streamed[c]).isEqualTo(whole.channel(c));
        }
    }
}
