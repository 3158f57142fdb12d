package dev.mixdojo.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AudioFilesConvertTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} Hz → {1} Hz as {2}")
    @CsvSource({"44100, 48000, PCM_24", "96000, 44100, PCM_16", "48000, 48000, FLOAT_32", "22050, 0, PCM_24"})
    void streamedConversionWritesTheSameBytesAsReadResampleWrite(int fromHz, int toHz, SampleEncoding encoding) throws IOException {
        Path in = dir.resolve("in.wav");
        AudioFiles.write(in, Signals.noise(2, 50_001, fromHz, 0.7, 9), SampleEncoding.FLOAT_32);
        Path streamed = dir.resolve("streamed.wav");
        Path whole = dir.resolve("whole.wav");

        WrittenFile written = AudioFiles.convert(in, streamed, toHz, encoding, new Warnings());
        AudioBuffer audio = AudioFiles.read(in, new Warnings());
        AudioFiles.write(whole, toHz == 0 ? audio : Resampler.resample(audio, toHz), encoding);

        assertThat(Files.readAllBytes(streamed)).isEqualTo(Files.readAllBytes(whole));
        assertThat(written.sampleRateHz()).isEqualTo(toHz == 0 ? fromHz : toHz);
        assertThat(written.frames()).isEqualTo(AudioFiles.info(streamed).frames());
    }

    @Test
    void warningsFromTheInputReachTheCaller() {
        Path in = BadFiles.TRUNCATED.make(dir);
        Warnings warnings = new Warnings();

        WrittenFile written = AudioFiles.convert(in, dir.resolve("out.wav"), 44100, SampleEncoding.PCM_24, warnings);

        assertThat(written.frames()).isEqualTo(11025); // the 0.25 s that were there
        assertThat(warnings.all()).singleElement().asString().contains(BadFiles.TRUNCATED.problem);
    }

    @Test
    void aRateOutsideTheSupportedRangeIsBadInput() {
        Path in = dir.resolve("in.wav");
        AudioFiles.write(in, AudioBuffer.silence(1, 10, 44100), SampleEncoding.PCM_16);

        assertThatThrownBy(() -> AudioFiles.convert(in, dir.resolve("out.wav"), 400_000, SampleEncoding.PCM_16, new Warnings()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("400000");
        assertThat(Files.exists(dir.resolve("out.wav"))).isFalse();
    }
}
