package dev.mixdojo.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing stems the way a teacher gets them: a session folder, a zip, a single bounce. */
class ImporterTest {
    @TempDir
    Path temp;
    private MaterialLibrary library;

    @BeforeEach
    void library() {
        library = new MaterialLibrary(Path.of("audio-exercises"), temp.resolve("data/materials"), temp.resolve("cache"));
    }

    /** A 16-bit mono sine written by Java Sound (independent of our writer) at the given rate. */
    private static void sine(Path file, int rateHz, double frequencyHz, double seconds, AudioFileFormat.Type type)
            throws IOException {
        int frames = (int) (rateHz * seconds);
        byte[] bytes = new byte[frames * 2];
        boolean bigEndian = type == AudioFileFormat.Type.AIFF;
        for (int i = 0; i < frames; i++) {
            int value = (int) Math.round(16000 * Math.sin(2 * Math.PI * frequencyHz * i / rateHz));
            bytes[2 * i + (bigEndian ? 1 : 0)] = (byte) value;
            bytes[2 * i + (bigEndian ? 0 : 1)] = (byte) (value >> 8);
        }
        AudioFormat format = new AudioFormat(rateHz, 16, 1, true, bigEndian);
        Files.createDirectories(file.getParent());
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(bytes), format, frames), type, file.toFile());
    }

    private Path session() throws IOException {
        Path folder = temp.resolve("My Session");
        sine(folder.resolve("01 Kick In.wav"), 44_100, 60, 1.0, AudioFileFormat.Type.WAVE);
        sine(folder.resolve("02 Snare Top.wav"), 44_100, 200, 1.0, AudioFileFormat.Type.WAVE);
        sine(folder.resolve("03 OH L.wav"), 44_100, 6000, 1.0, AudioFileFormat.Type.WAVE);
        sine(folder.resolve("Bass DI.wav"), 44_100, 80, 1.5, AudioFileFormat.Type.WAVE);
        sine(folder.resolve("Gtr Rhythm.wav"), 44_100, 330, 1.0, AudioFileFormat.Type.WAVE);
        sine(folder.resolve("Audio Files/Rhodes.aif"), 44_100, 440, 1.0, AudioFileFormat.Type.AIFF);
        sine(folder.resolve("Lead Vox.wav"), 44_100, 1000, 1.0, AudioFileFormat.Type.WAVE);
        Files.write(folder.resolve("Tambourine.wav"), "RIFF....WAVEnot really audio".getBytes());
        Files.writeString(folder.resolve("notes.txt"), "mix notes");
        return folder;
    }

    @Test
    void aSessionFolderOf44kStemsImportsWithRolesGuessedAndTheBrokenStemNamed() throws IOException {
        Warnings warnings = new Warnings();
        ImportedMaterial material = library.importMaterial(session(), "my-session", warnings);

        Map<String, Role> roles = material.stems().stream()
                .collect(Collectors.toMap(ImportedMaterial.StemFile::name, ImportedMaterial.StemFile::role));
        assertThat(roles).containsExactlyInAnyOrderEntriesOf(Map.of(
                "01-kick-in", Role.KICK, "02-snare-top", Role.SNARE, "03-oh-l", Role.ROOM, "bass-di", Role.BASS,
                "gtr-rhythm", Role.GUITAR, "rhodes", Role.KEYS, "lead-vox", Role.VOCAL));
        assertThat(material.kind()).isEqualTo("multitrack");
        assertThat(warnings.all()).singleElement().asString()
                .contains("Tambourine.wav").contains("skipped").contains("the others were imported");

        Path folder = temp.resolve("data/materials/my-session");
        assertThat(ImportedMaterial.read(folder)).isEqualTo(material);
        Multitrack multitrack = library.load("my-session", Optional.empty(), new Warnings());
        for (Stem stem : multitrack.stems()) {
            assertThat(stem.audio().sampleRateHz()).isEqualTo(48_000);
            // Stems are padded to the longest (the 1.5 s bass) so they start and end together.
            assertThat(stem.audio().frames()).isEqualTo(multitrack.mix().frames());
            assertThat(stem.audio().durationS()).isCloseTo(1.5, within(0.01));
        }
        // Resampling keeps the pitch: the 1 kHz vocal still has its energy in the 1 kHz octave.
        CatalogEntry entry = library.catalogEntry("my-session");
        assertThat(entry.kind()).isEqualTo("imported");
        CatalogEntry.StemInfo vocal = entry.stems().stream().filter(s -> s.role() == Role.VOCAL).findFirst().orElseThrow();
        assertThat(vocal.bandEnergyDbAt(1000)).isGreaterThan(-0.5);
        assertThat(library.names()).contains("my-session", "pop-sunrise");
    }

    @Test
    void aZipOfStemsImportsLikeAFolder() throws IOException {
        Path stems = session();
        Path zip = temp.resolve("stems.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : List.of("01 Kick In.wav", "Bass DI.wav", "Lead Vox.wav")) {
                out.putNextEntry(new ZipEntry("Session/" + name));
                out.write(Files.readAllBytes(stems.resolve(name)));
                out.closeEntry();
            }
        }
        ImportedMaterial material = library.importMaterial(zip, "zipped", new Warnings());
        assertThat(material.stems()).extracting(ImportedMaterial.StemFile::role)
                .containsExactly(Role.KICK, Role.BASS, Role.VOCAL);
    }

    @Test
    void aZipEntryThatWouldLandOutsideTheTargetFolderRefusesTheZip() throws IOException {
        Path zip = temp.resolve("evil.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("kick.wav"));
            out.write(new byte[] {1, 2, 3});
            out.closeEntry();
            out.putNextEntry(new ZipEntry("../../evil.wav"));
            out.write(new byte[] {1, 2, 3});
            out.closeEntry();
        }
        assertThatThrownBy(() -> library.importMaterial(zip, "evil", new Warnings()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("../../evil.wav").hasMessageContaining("outside the target folder");
        try (var found = Files.walk(temp)) {
            assertThat(found.filter(p -> p.getFileName().toString().equals("evil.wav"))).isEmpty();
        }
        assertThat(temp.resolve("data/materials/evil")).doesNotExist();
        try (var left = Files.list(temp.resolve("data/materials"))) {
            assertThat(left).as("no half-imported folder is left behind").isEmpty();
        }
    }

    @Test
    void aFileThatIsNotAZipIsNamedInOneSentence() throws IOException {
        Path zip = Files.writeString(temp.resolve("stems.zip"), "this is not a zip");
        assertThatThrownBy(() -> library.importMaterial(zip, "notzip", new Warnings()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("stems.zip").hasMessageContaining("not a readable zip");
    }

    @Test
    void aSingleBounceImportsAsASongAndALoopAsALoop() throws IOException {
        Path bounce = temp.resolve("Final Bounce.wav");
        sine(bounce, 48_000, 440, 0.5, AudioFileFormat.Type.WAVE);
        ImportedMaterial song = library.importMaterial(bounce, "bounce", new Warnings());
        assertThat(song.kind()).isEqualTo("song");
        assertThat(song.stems()).singleElement().extracting(ImportedMaterial.StemFile::role).isEqualTo(Role.MIX);

        Path loop = temp.resolve("Drum Loop 120bpm.wav");
        sine(loop, 44_100, 100, 0.5, AudioFileFormat.Type.WAVE);
        assertThat(library.importMaterial(loop, "loop", new Warnings()).kind()).isEqualTo("loop");
    }

    @Test
    void namesThatClashOrCannotBeFolderNamesAreRefused() throws IOException {
        Path bounce = temp.resolve("Bounce.wav");
        sine(bounce, 48_000, 440, 0.2, AudioFileFormat.Type.WAVE);
        library.importMaterial(bounce, "mine", new Warnings());
        assertThatThrownBy(() -> library.importMaterial(bounce, "mine", new Warnings()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> library.importMaterial(bounce, "pop-sunrise", new Warnings()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("built-in");
        assertThatThrownBy(() -> library.importMaterial(bounce, "../up", new Warnings()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("lower-case");
    }

    @Test
    void aFolderWithNothingReadableImportsNothingAndSaysSo() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("broken"));
        try (OutputStream out = Files.newOutputStream(folder.resolve("Kick.wav"))) {
            out.write("not audio".getBytes());
        }
        assertThatThrownBy(() -> library.importMaterial(folder, "broken", new Warnings()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("none of its 1 audio files could be read");
        assertThat(temp.resolve("data/materials/broken")).doesNotExist();
    }
}
