package dev.mixdojo.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BadAudioFileTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = BadFiles.class, mode = EnumSource.Mode.EXCLUDE, names = {"TRUNCATED", "ABSURD_DATA_SIZE", "NOT_A_NUMBER"})
    void eachBadFileGivesOneSentenceNamingTheFileAndTheProblem(BadFiles bad) {
        assertThat(bad.readable).isFalse();
        Path file = bad.make(dir);

        assertThatThrownBy(() -> AudioFiles.read(file, new Warnings()))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining(bad.problem)
                .hasMessageEndingWith(".");
        assertThatThrownBy(() -> AudioFiles.info(file)).isInstanceOf(BadInputException.class).hasMessageContaining(bad.problem);
    }

    @ParameterizedTest
    @EnumSource(value = BadFiles.class, names = {"TRUNCATED", "ABSURD_DATA_SIZE", "NOT_A_NUMBER"})
    void damagedButReadableFilesAreReadWithOneWarningSentence(BadFiles bad) {
        Path file = bad.make(dir);
        Warnings warnings = new Warnings();

        AudioBuffer audio = AudioFiles.read(file, warnings);

        assertThat(audio.frames()).isPositive();
        assertThat(warnings.all()).singleElement().asString().startsWith(file + ": ").contains(bad.problem);
        assertThat(AudioFiles.info(file).warnings()).containsExactlyElementsOf(warnings.all());
    }

    @Test
    void aTruncatedFileGivesTheFramesThatAreThere() {
        Path file = BadFiles.TRUNCATED.make(dir);

        AudioBuffer audio = AudioFiles.read(file, new Warnings());

        assertThat(audio.frames()).isEqualTo(12000);
        AudioFilesReadTest.assertClose(audio, Signals.sine(2, 12000, 48000, 1000, 0.5), 1 / 32768.0);
    }

    @Test
    void notANumberSamplesBecomeSilenceAndTheRestIsKept() {
        AudioBuffer audio = AudioFiles.read(BadFiles.NOT_A_NUMBER.make(dir), new Warnings());

        assertThat(audio.channel(0)).containsExactly(0.5f, 0f, 0.25f, 0f, 0f, -0.5f);
    }

    @Test
    void anUnreadableFileIsBadInputSayingPermissionDenied() throws IOException {
        Path file = dir.resolve("locked.wav");
        AudioFiles.write(file, Signals.sine(1, 10, 44100, 100, 0.5), SampleEncoding.PCM_16);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(file), "running as root: the file stays readable");

        assertThatThrownBy(() -> AudioFiles.read(file, new Warnings()))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ": cannot be read: permission denied.");
    }
}
