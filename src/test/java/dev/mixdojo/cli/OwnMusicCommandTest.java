package dev.mixdojo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.Ffmpeg;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.material.MaterialLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drills on a learner's own song from the command line: an MP3 of pop-sunrise (104 BPM) imported
 * with {@code material import}, its tempo found, and a delay-note question rendered on it in that
 * tempo; the tempo halved and the stretch moved with {@code material set}.
 */
class OwnMusicCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static Path song;

    @BeforeAll
    static void makeSong() {
        Path wav = dir.resolve("song.wav");
        AudioFiles.write(wav, new MaterialLibrary(Path.of("audio-exercises"), dir.resolve("imported"), dir.resolve("cache"))
                .load("pop-sunrise", Optional.empty(), new Warnings()).mix(), SampleEncoding.PCM_16);
        song = wav;
        if (Files.isExecutable(Path.of("/usr/bin/ffmpeg"))) {
            song = Ffmpeg.encode(wav, dir.resolve("song.mp3"), "-c:a libmp3lame -b:a 192k");
        }
    }

    @Test
    void anImportedSongsDelayQuestionIsInTheSongsTempo() throws Exception {
        Path data = dir.resolve("data-delay");
        CliRunner imported = CliRunner.run("material", "--data-dir", data.toString(), "--cache-dir", dir.resolve("cache").toString(),
                "import", song.toString(), "--name", "mine");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Tempo:        104.0 BPM (found)").contains("Drills play:");

        Path out = dir.resolve("question");
        CliRunner render = CliRunner.run("render", "--lesson", "delay-notes-feedback", "--material", "mine", "--seed", "1",
                "--out", out.toString(), "--data-dir", data.toString());

        assertThat(render.exitCode()).as(render.err()).isZero();
        JsonNode question = JSON.readTree(out.resolve("question.json").toFile());
        assertThat(question.get("prompt").asText()).isEqualTo("Which note value is the delay at the song's 104 BPM?");
        JsonNode delay = JSON.readTree(out.resolve("answer.json").toFile()).get("chain").get(0).get("delay");
        assertThat(delay.get("bpm").asDouble()).isCloseTo(104, within(0.05));
        assertThat(AudioFiles.info(out.resolve("processed.wav")).durationS()).isCloseTo(4, within(0.01));
    }

    @Test
    void aDrillAboutStemsIsRefusedOnOneSongAndTheTempoAndStretchCanBeChanged() throws Exception {
        Path data = dir.resolve("data-set");
        String[] folders = {"--data-dir", data.toString(), "--cache-dir", dir.resolve("cache").toString()};
        assertThat(CliRunner.run(concat(new String[] {"material"}, folders, new String[] {"import", song.toString(), "--name",
                "mine", "--tempo", "halve"})).out()).contains("Tempo:        52.0 BPM (halved; found 104.0)");

        CliRunner stems = CliRunner.run("render", "--lesson", "level-balance", "--material", "mine", "--seed", "1",
                "--out", dir.resolve("q2").toString(), "--data-dir", data.toString());
        assertThat(stems.exitCode()).isEqualTo(2);
        assertThat(stems.err()).contains("asks about single stems, so it cannot use one song");

        CliRunner moved = CliRunner.run(concat(new String[] {"material"}, folders, new String[] {"set", "mine", "--tempo", "keep",
                "--excerpt-start", "10"}));
        assertThat(moved.exitCode()).as(moved.err()).isZero();
        assertThat(moved.out()).contains("Tempo:        104.0 BPM (kept; found 104.0)");
        String yaml = Files.readString(data.resolve("materials/mine/material.yaml"));
        double startS = Double.parseDouble(yaml.replaceAll("(?s).*startS: ([0-9.]+).*", "$1"));
        double barS = 4 * 60 / 104.0;
        assertThat(startS).isCloseTo(barS * 4, within(0.03)); // the bar line nearest 10 s is bar 4 (9.23 s)
        assertThat(new MaterialLibrary(Path.of("audio-exercises"), data.resolve("materials"), dir.resolve("cache"))
                .tempoBpm("mine").getAsDouble()).isCloseTo(104, within(0.01));
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
