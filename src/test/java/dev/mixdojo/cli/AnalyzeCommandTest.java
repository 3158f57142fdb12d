package dev.mixdojo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    @TempDir
    static Path dir;
    static Path mix;
    static Path reference;

    static CliRunner run(String... args) {
        return CliRunner.run(args);
    }

    /** A 6 s stereo file: a −20 dBFS 1 kHz tone on both channels plus quiet uncorrelated noise, 24-bit. */
    static Path write(String name, long seed, double toneDbfs) {
        int rate = 48000;
        float[][] channels = new float[2][6 * rate];
        java.util.Random random = new java.util.Random(seed);
        double amplitude = Math.pow(10, toneDbfs / 20);
        for (int i = 0; i < channels[0].length; i++) {
            float tone = (float) (amplitude * Math.sin(2 * Math.PI * 1000 * i / rate));
            channels[0][i] = tone + (float) (0.01 * random.nextGaussian());
            channels[1][i] = tone + (float) (0.01 * random.nextGaussian());
        }
        Path file = dir.resolve(name);
        AudioFiles.write(file, new AudioBuffer(channels, rate), SampleEncoding.PCM_24);
        return file;
    }

    @BeforeAll
    static void writeFiles() {
        mix = write("mix.wav", 1, -20);
        reference = write("reference.wav", 2, -14);
    }

    @Test
    void jsonReportHasTheDocumentedKeysAndTheToneLoudness() throws Exception {
        CliRunner r = run("analyze", mix.toString(), "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("sampleRate").asInt()).isEqualTo(48000);
        assertThat(json.get("channels").asInt()).isEqualTo(2);
        assertThat(json.get("durationS").asDouble()).isCloseTo(6, within(1e-3));
        // Tone −20 dBFS on both channels reads −20 LUFS; the noise adds ~0.2 LU.
        assertThat(json.get("loudness").get("integratedLufs").asDouble()).isCloseTo(-20, within(0.4));
        for (String section : new String[] {"loudness", "spectrum", "dynamics", "stereo", "qc"}) {
            assertThat(json.has(section)).as(section).isTrue();
        }
        assertThat(json.get("qc").get("effectiveBits").asInt()).isEqualTo(24);
        assertThat(json.get("spectrum").get("bandsHz").size()).isEqualTo(json.get("spectrum").get("levelsDb").size());
    }

    @Test
    void textReportFitsTheTerminal() {
        CliRunner r = run("analyze", mix.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Integrated").contains("LUFS");
        assertThat(r.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void htmlReportWithAReferenceIsWrittenToTheOutFile() throws Exception {
        Path out = dir.resolve("report.html");
        CliRunner r = run("analyze", mix.toString(), "--reference", reference.toString(), "--format", "html", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String html = Files.readString(out);
        assertThat(html).contains("<svg").contains("Against").contains("reference.wav");
    }

    @Test
    void referenceAddsAComparisonSection() throws Exception {
        CliRunner r = run("analyze", mix.toString(), "--reference", reference.toString(), "--format", "json");
        JsonNode c = new ObjectMapper().readTree(r.out()).get("comparison");
        assertThat(c.get("integratedDifferenceLu").asDouble()).isCloseTo(-6, within(0.3));
    }

    @Test
    void onlyLoudnessReportsOnlyLoudness() throws Exception {
        CliRunner r = run("analyze", mix.toString(), "--only", "loudness", "--format", "json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.has("loudness")).isTrue();
        assertThat(json.has("spectrum") || json.has("stereo") || json.has("qc") || json.has("dynamics")).isFalse();
    }

    @Test
    void aMissingFileIsBadInputWithOneSentence() {
        CliRunner r = run("analyze", dir.resolve("nope.wav").toString());
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("nope.wav").contains("no such file").doesNotContain("Exception");
    }

    @Test
    void aCorruptFileIsBadInputWithOneSentence() throws Exception {
        Path corrupt = dir.resolve("corrupt.wav");
        Files.write(corrupt, "RIFF1234WAVEthis is not audio at all".getBytes());
        CliRunner r = run("analyze", corrupt.toString());
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("corrupt.wav").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anUnknownAnalysisIsBadInput() {
        CliRunner r = run("analyze", mix.toString(), "--only", "vibes");
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("vibes");
    }
}
