package dev.mixdojo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixdojo.analysis.Signals;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mixdojo translation} on stem files: a 55 Hz bass and a 2.5 kHz lead, 4 s each, as 24-bit WAV. */
class TranslationCommandTest {
    @TempDir
    static Path root;
    static Path stems;

    @BeforeAll
    static void writeTwoStems() throws Exception {
        stems = Files.createDirectories(root.resolve("stems"));
        write(stems.resolve("Bass.wav"), 55, -10, 1);
        write(stems.resolve("Lead.wav"), 2500, -20, 2);
    }

    /** A sine faded in and out over 0.25 s, on {@code channels} identical channels. */
    private static void write(Path file, double hz, double peakDbfs, int channels) {
        float[] tone = Signals.faded(Signals.sine(hz, peakDbfs, 4, 48_000, 0), 0.25, 48_000);
        AudioFiles.write(file, new AudioBuffer(Signals.inPhase(tone, channels), 48_000), SampleEncoding.PCM_24);
    }

    @Test
    void textNamesWhatIsLostOnEachSystemWithinEightyColumns() {
        CliRunner result = CliRunner.run("translation", stems.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("What will be lost: the mix of 2 stems (4.0 s)")
                .contains("Phone (matched ", "Earbuds (matched ", "Car (matched ", "Club (matched ");
        String phone = result.out().substring(result.out().indexOf("Phone"), result.out().indexOf("Earbuds"));
        assertThat(phone).containsPattern("nearly lost +Bass +-[0-9]+\\.[0-9] dB").containsPattern("comes forward +Lead");
        assertThat(result.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void jsonHasEverySystemsOctavesAndStemsAndOnlyTheSystemsAsked() throws Exception {
        CliRunner result = CliRunner.run("translation", stems.toString(), "--systems", "car,phone", "--format", "json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("stemCount").asInt()).isEqualTo(2);
        assertThat(json.get("systems")).extracting(s -> s.get("system").asText()).containsExactly("car", "phone");
        JsonNode phone = json.get("systems").get(1);
        assertThat(phone.get("octaves").size()).isEqualTo(10);
        assertThat(phone.get("stems").get(0).get("stem").asText()).isEqualTo("Bass");
        assertThat(phone.get("stems").get(0).get("verdict").asText()).isEqualTo("nearly lost");
        assertThat(phone.get("stems").get(0).get("changeDb").asDouble()).isLessThan(-10);
        JsonNode car = json.get("systems").get(0);
        assertThat(car.get("stems").get(1).get("stem").asText()).isEqualTo("Bass"); // cabin gain: the bass comes forward
        assertThat(car.get("stems").get(1).get("verdict").asText()).isEqualTo("comes forward");
    }

    @Test
    void theReportGoesToOutAndBadInputGetsOneSentence() throws Exception {
        Path out = root.resolve("translation.txt");
        CliRunner written = CliRunner.run("translation", stems.toString(), "--systems", "club,car", "--out", out.toString());
        assertThat(written.exitCode()).as(written.err()).isZero();
        assertThat(written.out()).isEqualTo("Wrote " + out + ": club, car.\n");
        assertThat(Files.readString(out)).contains("Club (matched ");

        CliRunner missing = CliRunner.run("translation", root.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nowhere").contains("is not a folder of stems").doesNotContain("Exception");

        Path broken = root.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("Vocal.wav"), "not audio at all");
        CliRunner corrupt = CliRunner.run("translation", broken.toString());
        assertThat(corrupt.exitCode()).isEqualTo(2);
        assertThat(corrupt.err()).contains("Vocal.wav").doesNotContain("Exception");
        assertThat(corrupt.err().lines().count()).isEqualTo(1);

        CliRunner unknown = CliRunner.run("translation", stems.toString(), "--systems", "moon");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("moon");
    }
}
