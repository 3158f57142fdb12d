package dev.mixdojo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.BadFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.audio.Sox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InfoCommandTest {
    @TempDir
    Path dir;

    @Test
    void jsonHasExactlyTheDocumentedKeysAndSoxsNumbers() throws Exception {
        Sox.assumeInstalled();
        Path file = Sox.tone(dir.resolve("tone.wav"), 48000, 2, "-b 24", 0.5, 1000, 0.5);

        CliRunner run = CliRunner.run("info", file.toString(), "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("file", "container", "encoding", "sampleRate", "channels", "bitsPerSample",
                "frames", "durationS", "samplePeakDbfs", "warnings");
        assertThat(json.get("file").asText()).isEqualTo(file.toString());
        assertThat(json.get("container").asText()).isEqualTo("WAV");
        assertThat(json.get("encoding").asText()).isEqualTo("PCM signed");
        assertThat(json.get("sampleRate").asInt()).isEqualTo(Integer.parseInt(Sox.soxi("-r", file)));
        assertThat(json.get("channels").asInt()).isEqualTo(Integer.parseInt(Sox.soxi("-c", file)));
        assertThat(json.get("bitsPerSample").asInt()).isEqualTo(Integer.parseInt(Sox.soxi("-b", file)));
        assertThat(json.get("frames").asLong()).isEqualTo(Long.parseLong(Sox.soxi("-s", file)));
        assertThat(json.get("durationS").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(json.get("samplePeakDbfs").asDouble())
                .isCloseTo(20 * Math.log10(Sox.stat(file, "Maximum amplitude")), within(0.001));
        assertThat(json.get("warnings")).isEmpty();
    }

    @Test
    void textOutputIsForPeople() {
        Path file = dir.resolve("quiet.wav");
        float[][] samples = {{0.5f, -0.5f, 0.25f}};
        AudioFiles.write(file, new AudioBuffer(samples, 44100), SampleEncoding.PCM_16);

        CliRunner run = CliRunner.run("info", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("WAV, PCM signed, 16-bit").contains("44100 Hz").contains("3 frames")
                .contains("Sample peak:  -6.02 dBFS");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aSilentFileHasANullPeakInJson() throws Exception {
        Path file = dir.resolve("silence.wav");
        AudioFiles.write(file, AudioBuffer.silence(1, 100, 44100), SampleEncoding.PCM_16);

        CliRunner run = CliRunner.run("info", "--json", file.toString());

        assertThat(new ObjectMapper().readTree(run.out()).get("samplePeakDbfs").isNull()).isTrue();
        assertThat(CliRunner.run("info", file.toString()).out()).contains("silent");
    }

    @ParameterizedTest
    @EnumSource(value = BadFiles.class, mode = EnumSource.Mode.EXCLUDE, names = {"TRUNCATED", "ABSURD_DATA_SIZE", "NOT_A_NUMBER"})
    void aBadFileExitsTwoWithOneSentenceAndNoStackTrace(BadFiles bad) {
        Path file = bad.make(dir);

        CliRunner run = CliRunner.run("info", file.toString());

        assertThat(run.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).startsWith(file + ": ").contains(bad.problem).doesNotContain("\n");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @ParameterizedTest
    @EnumSource(value = BadFiles.class, names = {"TRUNCATED", "ABSURD_DATA_SIZE", "NOT_A_NUMBER"})
    void aDamagedButReadableFileWarnsOnStderrInTextAndInsideTheJson(BadFiles bad) throws Exception {
        Path file = bad.make(dir);

        CliRunner text = CliRunner.run("info", file.toString());
        CliRunner json = CliRunner.run("info", file.toString(), "--json");

        assertThat(text.exitCode()).isZero();
        assertThat(text.err()).startsWith("Warning: " + file + ": ").contains(bad.problem).doesNotContain("Exception");
        assertThat(json.exitCode()).isZero();
        assertThat(json.err()).isEmpty();
        assertThat(new ObjectMapper().readTree(json.out()).get("warnings").get(0).asText()).contains(bad.problem);
    }
}
