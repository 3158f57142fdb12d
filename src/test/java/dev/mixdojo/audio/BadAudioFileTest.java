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

    @ParameterizedTest
    @EnumSource(value = SampleEncoding.class)
    void aFileCutAtAnyLengthIsReadWithAWarningOrRefusedWithASentence(SampleEncoding encoding) throws IOException {
        Path whole = dir.resolve("whole.wav");
        AudioFiles.write(whole, Signals.sine(3, 50, 44100, 1000, 0.5), encoding);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.wav");

        // Every length through the header and into the data, then a sample of the rest.
        for (int length = 0; length < bytes.length; length += length < 100 ? 1 : 13) {
            Files.write(cut, java.util.Arrays.copyOf(bytes, length));
            assertReadOrRefused(cut);
        }
    }

    @Test
    void randomDamageToTheHeaderNeverEscapesAsAnythingButASentence() throws IOException {
        Path wav = dir.resolve("ok.wav");
        AudioFiles.write(wav, Signals.sine(2, 64, 48000, 1000, 0.5), SampleEncoding.FLOAT_32);
        Path aiff = FileBytes.aiff(true).comm(2, 64, 16, 48000, "sowt")
                .ssnd(FileBytes.samples(Signals.sine(2, 64, 48000, 1000, 0.5).channels(), "s16", java.nio.ByteOrder.LITTLE_ENDIAN))
                .writeTo(dir.resolve("ok.aifc"));
        java.util.Random random = new java.util.Random(2024);
        Path damaged = dir.resolve("damaged.wav");
        for (Path original : new Path[] {wav, aiff}) {
            byte[] bytes = Files.readAllBytes(original);
            for (int trial = 0; trial < 300; trial++) {
                byte[] copy = bytes.clone();
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    copy[random.nextInt(Math.min(80, copy.length))] = (byte) random.nextInt(256);
                }
                Files.write(damaged, copy);
                assertReadOrRefused(damaged);
            }
        }
    }

    /** Either the file reads (frames within what its bytes can hold) or it is refused with a sentence naming it. */
    private static void assertReadOrRefused(Path file) throws IOException {
        try {
            AudioBuffer audio = AudioFiles.read(file, new Warnings());
            assertThat((long) audio.frames() * audio.channelCount()).isLessThanOrEqualTo(Files.size(file));
        } catch (BadInputException e) {
            assertThat(e.getMessage()).startsWith(file + ": ").endsWith(".");
        }
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
