package dev.mixdojo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaterialCommandTest {
    @TempDir
    static Path cache;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    /**
     * Runs the command with the built-in library replaced by one song, dnb-nightbus, cut to its
     * 8-bar intro (hats, pad and voice): the code paths are those of every song, the test is quick.
     */
    private static String[] runWithShortLibrary(Path exercises, String... args) throws Exception {
        String song = Files.readString(Path.of("audio-exercises/dnb-nightbus.yaml"));
        assertThat(song).contains("form: [intro, drop, outro]");
        Files.writeString(exercises.resolve("dnb-nightbus.yaml"), song.replace("form: [intro, drop, outro]", "form: [intro]"));
        String previous = System.setProperty("mixdojo.exercises", exercises.toString());
        try {
            return run(args);
        } finally {
            if (previous == null) {
                System.clearProperty("mixdojo.exercises");
            } else {
                System.setProperty("mixdojo.exercises", previous);
            }
        }
    }

    @Test
    void listShowsAtLeastEightSongsWithTheirRoles() {
        String[] text = run("material", "--cache-dir", cache.toString(), "--data-dir", cache.resolve("data").toString(), "list");
        assertThat(text[0]).as(text[2]).isEqualTo("0");
        long songs = text[1].lines().filter(line -> line.matches("\\S+\\s+song\\s.*")).count();
        assertThat(songs).isGreaterThanOrEqualTo(8);
        assertThat(text[1]).contains("pop-sunrise").contains("kick, snare, hihat, room, bass").contains("pink-noise");
    }

    @Test
    void theJsonCatalogCarriesEveryStemsRoleLengthAndBandEnergies(@TempDir Path exercises) throws Exception {
        String[] json = runWithShortLibrary(exercises, "material", "--cache-dir", cache.toString(),
                "--data-dir", cache.resolve("data").toString(), "list", "--json");
        assertThat(json[0]).as(json[2]).isEqualTo("0");
        JsonNode catalog = new ObjectMapper().readTree(json[1]);
        assertThat(catalog).hasSize(1);
        JsonNode song = catalog.get(0);
        assertThat(song.get("name").asText()).isEqualTo("dnb-nightbus");
        assertThat(song.get("durationS").asDouble()).isCloseTo(8 * 4 * 60 / 174.0 + 2, org.assertj.core.data.Offset.offset(0.05));
        assertThat(song.get("stems")).hasSize(8);
        for (JsonNode stem : song.get("stems")) {
            assertThat(stem.get("bandEnergyDb")).hasSize(9);
            if (stem.get("role").asText().equals("hihat")) {
                // The 8 kHz band holds far more of a hi-hat than the 63 Hz band.
                assertThat(stem.get("bandEnergyDb").get(7).asDouble()).isGreaterThan(stem.get("bandEnergyDb").get(0).asDouble() + 40);
            }
        }

        String[] table = runWithShortLibrary(exercises, "material", "--cache-dir", cache.toString(),
                "--data-dir", cache.resolve("data").toString(), "list", "--bands");
        assertThat(table[0]).as(table[2]).isEqualTo("0");
        assertThat(table[1]).containsPattern("stem\\s+role\\s+63\\s+125\\s+250\\s+500\\s+1k\\s+2k\\s+4k\\s+8k\\s+16k")
                .containsPattern("hats\\s+hihat(\\s+-?[0-9]+\\.[0-9]){9}");
    }

    @Test
    void renderWritesOneWavPerStemPlusTheMixAndRenderingTwiceGivesIdenticalFiles(@TempDir Path out, @TempDir Path exercises)
            throws Exception {
        // The first render is fresh, the second comes from the cache: both must write the same bytes.
        Path freshCache = out.resolve("cache");
        String[] first = runWithShortLibrary(exercises, "material", "--cache-dir", freshCache.toString(), "render", "dnb-nightbus",
                "--out", out.resolve("a").toString());
        assertThat(first[0]).as(first[2]).isEqualTo("0");
        String[] second = runWithShortLibrary(exercises, "material", "--cache-dir", freshCache.toString(), "render", "dnb-nightbus",
                "--out", out.resolve("b").toString());
        assertThat(second[0]).as(second[2]).isEqualTo("0");
        List<String> names;
        try (Stream<Path> files = Files.list(out.resolve("a"))) {
            names = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertThat(names).contains("mix.wav", "kick.wav", "snare.wav", "hats.wav", "room.wav", "bass.wav", "vocal.wav");
        for (String name : names) {
            byte[] a = Files.readAllBytes(out.resolve("a").resolve(name));
            assertThat(a).as(name).isEqualTo(Files.readAllBytes(out.resolve("b").resolve(name)));
        }
        // 24-bit PCM at 48 kHz, as stems are delivered (read back by Java Sound, not our reader).
        AudioFormat format = AudioSystem.getAudioFileFormat(out.resolve("a/mix.wav").toFile()).getFormat();
        assertThat(format.getSampleRate()).isEqualTo(48_000f);
        assertThat(format.getSampleSizeInBits()).isEqualTo(24);
        assertThat(format.getChannels()).isEqualTo(2);
        String[] seeded = runWithShortLibrary(exercises, "material", "--cache-dir", freshCache.toString(), "render", "dnb-nightbus",
                "--seed", "99",
                "--out", out.resolve("d").toString());
        assertThat(seeded[0]).isEqualTo("0");
        assertThat(Files.readAllBytes(out.resolve("d/vocal.wav"))).isNotEqualTo(Files.readAllBytes(out.resolve("a/vocal.wav")));
    }

    @Test
    void importBringsInAStemFolderAndNamesABrokenStem(@TempDir Path work) throws Exception {
        Path session = Files.createDirectories(work.resolve("session"));
        byte[] pcm = new byte[44_100 * 2];
        for (int i = 0; i < 44_100; i++) {
            int v = (int) (8000 * Math.sin(2 * Math.PI * 100 * i / 44_100.0));
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        for (String name : List.of("01 Kick In.wav", "Bass DI.wav", "Lead Vox.wav")) {
            AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), new AudioFormat(44_100, 16, 1, true, false), 44_100),
                    AudioFileFormat.Type.WAVE, session.resolve(name).toFile());
        }
        Files.writeString(session.resolve("Snare.wav"), "garbage");
        String[] result = run("material", "--cache-dir", cache.toString(), "--data-dir", work.resolve("data").toString(),
                "import", session.toString(), "--name", "class-session");
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(result[1]).contains("01-kick-in.wav").contains("kick").contains("bass-di.wav").contains("lead-vox.wav")
                .contains("vocal").contains("Imported 3 stems as 'class-session'");
        assertThat(result[2]).contains("Snare.wav").contains("skipped");
        assertThat(work.resolve("data/materials/class-session/material.yaml")).exists();
        String[] listed = run("material", "--cache-dir", cache.toString(), "--data-dir", work.resolve("data").toString(), "list");
        assertThat(listed[1]).containsPattern("class-session\s+imported");
    }

    @Test
    void anUnknownMaterialIsBadInputInOneSentence() {
        String[] result = run("material", "--cache-dir", cache.toString(), "render", "no-such-song", "--out", cache.resolve("x").toString());
        assertThat(result[0]).isEqualTo(String.valueOf(Main.EXIT_BAD_INPUT));
        assertThat(result[2]).contains("no-such-song").doesNotContain("Exception");
    }
}
