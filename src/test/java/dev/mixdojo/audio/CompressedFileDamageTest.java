package dev.mixdojo.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged and cut-off FLAC, MP3, Ogg Vorbis and AAC files: each is read (what decodes, with a
 * warning when the header promised more) or refused with one sentence naming the file; never a
 * stack trace, a non-finite sample, a hang or a huge allocation. Seeded mutations of small files
 * made by ffmpeg.
 */
class CompressedFileDamageTest {
    private static final int MUTANTS = 40;
    @TempDir
    static Path dir;
    static Path source;

    @BeforeAll
    static void makeSource() {
        source = dir.resolve("source.wav");
        AudioFiles.write(source, CompressedFormatsTest.music(2, 2 * 48_000, 48_000, 3), SampleEncoding.PCM_16);
    }

    @ParameterizedTest
    @CsvSource({"a.flac, -c:a flac", "a.mp3, -c:a libmp3lame -b:a 128k", "a.ogg, -c:a libvorbis",
        "a.m4a, -c:a aac -b:a 128k -movflags +faststart", "a.aac, -c:a aac -b:a 128k"})
    void aFileCutAtAnyLengthIsReadWithAWarningOrRefusedWithASentence(String name, String codec) throws IOException {
        Ffmpeg.assumeInstalled();
        byte[] bytes = Files.readAllBytes(Ffmpeg.encode(source, dir.resolve(name), codec));
        Path cut = dir.resolve("cut-" + name);
        int warned = 0;
        for (int length = 0; length < bytes.length; length += length < 400 ? 11 : bytes.length / 25) {
            Files.write(cut, Arrays.copyOf(bytes, length));
            warned += readOrRefused(cut) ? 1 : 0;
        }
        if (!name.endsWith(".aac")) { // a raw ADTS stream has no header that promises a length
            assertThat(warned).as("cuts of %s read with a truncation warning", name).isPositive();
        }
    }

    @ParameterizedTest
    @CsvSource({"b.flac, -c:a flac", "b.mp3, -c:a libmp3lame -b:a 128k", "b.ogg, -c:a libvorbis",
        "b.m4a, -c:a aac -b:a 128k", "b.aac, -c:a aac -b:a 128k"})
    void seededByteMutationsAreReadOrRefusedWithASentence(String name, String codec) throws IOException {
        Ffmpeg.assumeInstalled();
        byte[] bytes = Files.readAllBytes(Ffmpeg.encode(source, dir.resolve(name), codec));
        Path mutant = dir.resolve("mutant-" + name);
        SplittableRandom random = new SplittableRandom(name.hashCode());
        for (int m = 0; m < MUTANTS; m++) {
            byte[] changed = bytes.clone();
            int edits = 1 + random.nextInt(8);
            // Half the mutants are damaged in the header (the first 512 bytes), where sizes and tables live.
            int span = m % 2 == 0 ? Math.min(512, changed.length) : changed.length;
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(span);
                changed[at] = random.nextInt(3) == 0 ? (byte) 0xFF : (byte) random.nextInt(256);
            }
            Files.write(mutant, changed);
            readOrRefused(mutant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fLaC", "OggS", "ID3\u0004", "\u00FF\u00FB\u0090\u0000", "\u0000\u0000\u0000\u0020ftypM4A "})
    void aHeaderAloneIsRefusedWithASentence(String magic) throws IOException {
        Path file = dir.resolve("header-only.bin");
        Files.write(file, magic.getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> AudioFiles.read(file, new Warnings()))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith(file + ": ").hasMessageEndingWith(".")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anOggOpusFileIsRefusedByName() {
        Ffmpeg.assumeInstalled();
        Path opus = Ffmpeg.encode(source, dir.resolve("voice.ogg"), "-c:a libopus");
        assertThatThrownBy(() -> AudioFiles.read(opus, new Warnings()))
                .isInstanceOf(BadInputException.class)
                .hasMessage(opus + ": the file is Ogg Opus audio, which MixDojo does not read; convert it to FLAC, WAV or Ogg Vorbis.");
    }

    /** Reads the file or checks its refusal; true when it was read with a truncation warning. */
    private static boolean readOrRefused(Path file) {
        Warnings warnings = new Warnings();
        try {
            AudioBuffer audio = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> AudioFiles.read(file, warnings), file.toString());
            assertThat(audio.frames()).as("frames of %s", file).isBetween(1, 6 * 48_000);
            for (float[] channel : audio.channels()) {
                for (float sample : channel) {
                    assertThat(Float.isFinite(sample)).as("finite samples of %s", file).isTrue();
                }
            }
            assertThat(warnings.all()).allSatisfy(w -> assertThat(w).startsWith(file + ": ").doesNotContain("\n"));
            return warnings.all().stream().anyMatch(w -> w.contains("truncated"));
        } catch (BadInputException refused) {
            assertThat(refused.getMessage()).startsWith(file + ": ").endsWith(".").doesNotContain("\n");
            return false;
        }
    }
}
