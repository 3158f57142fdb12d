package dev.mixdojo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.BadFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.audio.Sox;
import dev.mixdojo.base.Warnings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConvertCommandTest {
    @TempDir
    Path dir;

    @Test
    void fortyFourOneBecomesFortyEightKilohertzTwentyFourBitAndSoxAgrees() {
        Sox.assumeInstalled();
        Path in = Sox.tone(dir.resolve("in.wav"), 44100, 2, "-b 16", 1.5, 1000, 0.5);
        Path out = dir.resolve("out.wav");

        CliRunner run = CliRunner.run("convert", in.toString(), out.toString(), "--rate", "48000");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("out.wav").contains("48000 Hz").contains("24-bit PCM");
        assertThat(Sox.soxi("-r", out)).isEqualTo("48000");
        assertThat(Sox.soxi("-b", out)).isEqualTo("24");
        assertThat(Sox.soxi("-c", out)).isEqualTo("2");
        long expectedFrames = Math.round(Long.parseLong(Sox.soxi("-s", in)) * 48000 / 44100.0);
        assertThat(Long.parseLong(Sox.soxi("-s", out))).isBetween(expectedFrames - 1, expectedFrames + 1);

        AudioBuffer ours = AudioFiles.read(out, new Warnings());
        // sox stat mixes all channels; so does our measurement here.
        assertThat(rms(ours)).isCloseTo(Sox.stat(out, "RMS     amplitude"), within(1e-5));
        assertThat(peak(ours)).isCloseTo(Sox.stat(out, "Maximum amplitude"), within(1e-5));
        // and the level is the input's: a 1 kHz sine survives resampling unchanged.
        assertThat(Sox.stat(out, "RMS     amplitude")).isCloseTo(Sox.stat(in, "RMS     amplitude"), within(1e-4));
        assertThat(Sox.stat(out, "Maximum amplitude")).isCloseTo(Sox.stat(in, "Maximum amplitude"), within(1e-3));
    }

    @ParameterizedTest
    @CsvSource({"16, 16", "24, 24", "32f, 32"})
    void bitsChoosesTheOutputEncodingAndKeepsTheRateByDefault(String bits, String soxiBits) {
        Sox.assumeInstalled();
        Path in = Sox.tone(dir.resolve("in.aiff"), 96000, 1, "-b 24", 0.2, 1000, 0.5);
        Path out = dir.resolve("out.wav");

        CliRunner run = CliRunner.run("convert", in.toString(), out.toString(), "--bits", bits);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Sox.soxi("-r", out)).isEqualTo("96000");
        assertThat(Sox.soxi("-b", out)).isEqualTo(soxiBits);
        assertThat(Sox.soxi("-s", out)).isEqualTo(Sox.soxi("-s", in));
    }

    @Test
    void clippingWhenConvertingFloatToPcmIsAWarningNotAnError() {
        Path in = dir.resolve("hot.wav");
        AudioFiles.write(in, new AudioBuffer(new float[][] {{0.5f, 1.5f, -1.25f}}, 44100), SampleEncoding.FLOAT_32);

        CliRunner run = CliRunner.run("convert", in.toString(), dir.resolve("out.wav").toString(), "--bits", "16");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).startsWith("Warning: ").contains("2 samples").contains("clipped");
    }

    @ParameterizedTest
    @CsvSource({
        "'--bits,12', --bits must be 16, 24 or 32f, got '12'",
        "'--rate,4000', the output rate must be between 8000 and 192000 Hz, got 4000.",
        "'--rate,abc', abc",
    })
    void badOptionsExitTwoWithOneSentence(String options, String sentence) {
        Path in = dir.resolve("in.wav");
        AudioFiles.write(in, AudioBuffer.silence(1, 10, 44100), SampleEncoding.PCM_16);
        String[] parts = options.split(",");

        CliRunner run = CliRunner.run("convert", in.toString(), dir.resolve("out.wav").toString(), parts[0], parts[1]);

        assertThat(run.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err()).contains(sentence).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(Files.exists(dir.resolve("out.wav"))).isFalse();
    }

    @Test
    void aBadInputFileExitsTwoAndWritesNothing() {
        Path in = BadFiles.MU_LAW.make(dir);
        Path out = dir.resolve("out.wav");

        CliRunner run = CliRunner.run("convert", in.toString(), out.toString());

        assertThat(run.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err()).contains(in.toString()).contains(BadFiles.MU_LAW.problem).doesNotContain("\tat ");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void anAiffOutputNameIsRefusedBecauseConvertWritesWav() {
        Path in = dir.resolve("in.wav");
        AudioFiles.write(in, AudioBuffer.silence(1, 10, 44100), SampleEncoding.PCM_16);

        CliRunner run = CliRunner.run("convert", in.toString(), dir.resolve("out.aiff").toString());

        assertThat(run.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("out.aiff").contains("writes WAV files only");
    }

    private static double rms(AudioBuffer audio) {
        double sum = 0;
        for (float[] channel : audio.channels()) {
            for (float x : channel) {
                sum += x * (double) x;
            }
        }
        return Math.sqrt(sum / ((double) audio.frames() * audio.channelCount()));
    }

    private static double peak(AudioBuffer audio) {
        double max = 0;
        for (float[] channel : audio.channels()) {
            for (float x : channel) {
                max = Math.max(max, x);
            }
        }
        return max;
    }
}
