package dev.mixdojo.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixdojo.base.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SongFileTest {
    private static List<MaterialSpec> builtIns() throws IOException {
        List<MaterialSpec> specs = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("audio-exercises"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                specs.add(SongFile.parse(file, Files.readAllBytes(file)));
            }
        }
        return specs;
    }

    @Test
    void theLibraryHasAtLeastEightSongsInDifferentStylesEachAtLeastThirtySecondsLong() throws IOException {
        List<Song> songs = builtIns().stream().filter(s -> s instanceof Song).map(s -> (Song) s).toList();
        assertThat(songs).hasSizeGreaterThanOrEqualTo(8);
        assertThat(songs.stream().map(Song::style).distinct()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(songs.stream().map(Song::tempoBpm).distinct()).hasSizeGreaterThanOrEqualTo(6);
        for (Song song : songs) {
            assertThat(song.durationS()).as(song.name()).isGreaterThanOrEqualTo(30);
        }
    }

    @Test
    void everySongHasAQuieterSectionWithFewerTracksThanItsFullest() throws IOException {
        for (MaterialSpec spec : builtIns()) {
            if (!(spec instanceof Song song)) {
                continue;
            }
            Song.Section loudest = song.form().stream().max((a, b) -> Double.compare(a.levelDb(), b.levelDb())).orElseThrow();
            Song.Section quietest = song.form().stream().min((a, b) -> Double.compare(a.levelDb(), b.levelDb())).orElseThrow();
            assertThat(loudest.levelDb() - quietest.levelDb()).as(song.name()).isGreaterThanOrEqualTo(3);
            long fullTracks = song.tracks().stream().filter(t -> t.partFor(loudest.name()) != null).count();
            long quietTracks = song.tracks().stream().filter(t -> t.partFor(quietest.name()) != null).count();
            assertThat(fullTracks).as(song.name() + " tracks playing").isGreaterThanOrEqualTo(quietTracks);
        }
    }

    @Test
    void theTestSignalsArePinkAndWhiteNoiseAndTones() throws IOException {
        List<SignalSpec.Waveform> waveforms = builtIns().stream().filter(s -> s instanceof SignalSpec)
                .map(s -> ((SignalSpec) s).waveform()).toList();
        assertThat(waveforms).contains(SignalSpec.Waveform.PINK_NOISE, SignalSpec.Waveform.WHITE_NOISE, SignalSpec.Waveform.TONE);
    }

    @Test
    void everyProblemInABadSongIsReportedAtOnceWithLineAndColumn() {
        String text = """
                tempoBpm: 500
                key: H major
                sections:
                  - { name: verse, bars: 4, chords: "Am Fq" }
                tracks:
                  - stem: kick
                    instrument: kick
                    sound: { decayMs: 99999, wobble: 1 }
                    parts: { verse: "x..z" }
                  - stem: bass
                    instrument: tuba
                    parts: { chorus: "x---------------" }
                tempo: 120
                """;
        Path file = Path.of("audio-exercises/broken.yaml");
        assertThatThrownBy(() -> SongFile.parse(file, text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("broken.yaml:1:11: the song tempoBpm must be between 40 and 220, got 500")
                .hasMessageContaining("broken.yaml:2:")
                .hasMessageContaining("'Fq' is not a chord")
                .hasMessageContaining("decayMs must be 40.0…1200.0")
                .hasMessageContaining("no sound parameter 'wobble'")
                .hasMessageContaining("'z' is not a step for kick")
                .hasMessageContaining("not a whole number of 16-step bars")
                .hasMessageContaining("instrument must be one of")
                .hasMessageContaining("unknown key 'tempo'");
    }

    @Test
    void aYamlSyntaxErrorNamesTheLine() {
        Path file = Path.of("audio-exercises/syntax.yaml");
        assertThatThrownBy(() -> SongFile.parse(file, "tempoBpm: 100\nkey: [C major\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("audio-exercises/syntax.yaml:2:")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void chordsAndKeysParseToPitchClasses() {
        assertThat(Harmony.parseChord("F#m7")).isEqualTo(new Harmony.Chord("F#m7", 6, List.of(0, 3, 7, 10)));
        assertThat(Harmony.parseChord("Bbmaj7").root()).isEqualTo(10);
        assertThat(Harmony.parseKey("Eb major")).isEqualTo(new Harmony.Key(3, Harmony.Mode.MAJOR));
        assertThat(Harmony.parseKey("A minor").contains(60)).isTrue();
        assertThat(Harmony.parseKey("A minor").contains(61)).isFalse();
    }
}
