package dev.mixdojo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.FileBytes;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.audio.Signals;
import dev.mixdojo.base.Warnings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, items 1–3: audio that would come out corrupted, chains that explode and chains too
 * large to hold, each through the command line on real files: finite audio or one sentence.
 */
class HostileAudioTest {
    private static final int FS = 48_000;

    /** A mono 64-bit float WAV of a 0.5 sine at 1 kHz, with the given samples replaced. */
    private static Path float64Wav(Path file, int frames, int[] at, double[] values) {
        float[] sine = Signals.sine(1, frames, FS, 1000, 0.5).channel(0);
        ByteBuffer data = ByteBuffer.allocate(frames * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            data.putDouble(sine[i]);
        }
        for (int k = 0; k < at.length; k++) {
            data.putDouble(at[k] * 8, values[k]);
        }
        return FileBytes.wav().fmt(3, 1, FS, 64).chunk("data", data.array()).writeTo(file);
    }

    private static boolean anyPartFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".part"));
        }
    }

    @Test
    void aSampleBeyondTheFloatRangeBecomesSilenceWithAWarningAndTheRestOfTheFileIsKept(@TempDir Path dir) {
        Path in = float64Wav(dir.resolve("huge.wav"), FS, new int[] {100}, new double[] {1e300});
        for (String encoding : new String[] {"--float", null}) {
            Path out = dir.resolve("out" + (encoding == null ? "24" : "f") + ".wav");
            CliRunner run = encoding == null
                    ? CliRunner.run("process", in.toString(), out.toString(), "--chain-json", "[{\"eq\": {\"type\": \"lowpass\", \"frequencyHz\": 5000}}]")
                    : CliRunner.run("process", in.toString(), out.toString(), encoding, "--chain-json", "[{\"eq\": {\"type\": \"lowpass\", \"frequencyHz\": 5000}}]");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains(in.toString()).contains("1 sample was not a finite number");
            float[] written = AudioFiles.read(out, new Warnings()).channel(0);
            int silent = 0;
            for (int i = 0; i < written.length; i++) {
                assertThat(Float.isFinite(written[i])).as("sample %d", i).isTrue();
                silent += Math.abs(written[i]) < 1e-6 ? 1 : 0;
            }
            // A 1 kHz sine at 48 kHz crosses zero at most 2 of every 48 samples: the rest of the file is there.
            assertThat(silent).as("silent samples").isLessThan(written.length / 10);
        }
    }

    @Test
    void infoAndAnalyzeOfAFileFullOfOutOfRangeSamplesPrintNoInfinity(@TempDir Path dir) {
        int frames = FS;
        int[] at = new int[frames];
        double[] values = new double[frames];
        for (int i = 0; i < frames; i++) {
            at[i] = i;
            values[i] = i % 3 == 0 ? 1e300 : i % 3 == 1 ? -1e300 : Double.NaN;
        }
        Path in = float64Wav(dir.resolve("all-huge.wav"), frames, at, values);

        CliRunner info = CliRunner.run("info", in.toString(), "--json");
        CliRunner analyze = CliRunner.run("analyze", in.toString());
        CliRunner analyzeJson = CliRunner.run("analyze", in.toString(), "--format", "json");

        for (CliRunner run : new CliRunner[] {info, analyze, analyzeJson}) {
            assertThat(run.exitCode()).as(run.err()).isIn(0, 2);
            assertThat(run.out()).doesNotContainIgnoringCase("infinity").doesNotContainPattern("\\bNaN\\b")
                    .doesNotContainPattern("-?\\binf\\b");

            assertThat(run.out() + run.err()).contains("not a finite number");
        }
        assertThat(analyze.out()).doesNotContain("None found");
    }

    @Test
    void fortyGainsOfTwentyFourDecibelsStopAtTheEntryThatLeavesTheRangeAndWriteNothing(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("noise.wav");
        AudioFiles.write(in, Signals.noise(1, FS, FS, 0.25, 7), SampleEncoding.FLOAT_32);
        String chain = "[" + String.join(",", java.util.Collections.nCopies(40, "{\"gain\": {\"gainDb\": 24}}")) + "]";
        Path out = dir.resolve("out.wav");

        CliRunner run = CliRunner.run("process", in.toString(), out.toString(), "--float", "--chain-json", chain);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("chain entry 2 (gain)").contains("dBFS").doesNotContain("Exception");
        assertThat(out).doesNotExist();
        assertThat(anyPartFile(dir)).isFalse();
    }

    @Test
    void aCompressorWithHugeAutomaticMakeupStopsWithASentenceNamingIt(@TempDir Path dir) {
        Path in = dir.resolve("noise.wav");
        AudioFiles.write(in, Signals.noise(1, FS, FS, 0.25, 7), SampleEncoding.FLOAT_32);

        CliRunner run = CliRunner.run("process", in.toString(), dir.resolve("out.wav").toString(), "--float",
                "--chain-json", "[{\"gain\": {\"gainDb\": -1}}, {\"compressor\": {\"thresholdDb\": -80, \"ratio\": 100, \"makeupDb\": \"auto\"}}]");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("chain entry 2 (compressor)").contains("+24 dBFS");
    }

    @Test
    void anEqAboveTheNyquistFrequencyIsRefusedNamingTheFilesRate(@TempDir Path dir) {
        Path in = dir.resolve("phone.wav");
        AudioFiles.write(in, Signals.noise(1, 8000, 8000, 0.25, 7), SampleEncoding.PCM_16);

        CliRunner run = CliRunner.run("process", in.toString(), dir.resolve("out.wav").toString(),
                "--chain-json", "[{\"eq\": {\"type\": \"peak\", \"frequencyHz\": 15000, \"gainDb\": 6}}]");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("chain entry 1 (eq)").contains("15000 Hz").contains("8000 Hz file");
    }

    @Test
    void tenThousandDelayEntriesAreRefusedBeforeAnythingIsAllocated(@TempDir Path dir) {
        Path in = dir.resolve("noise.wav");
        AudioFiles.write(in, Signals.noise(2, FS, FS, 0.25, 7), SampleEncoding.PCM_24);
        String chain = "[" + String.join(",", java.util.Collections.nCopies(10_000, "{\"delay\": {\"timeMs\": 375}}")) + "]";

        CliRunner run = CliRunner.run("process", in.toString(), dir.resolve("out.wav").toString(), "--chain-json", chain);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("at most 100 entries").contains("10000");
    }

    @Test
    void reportsOfEmptyAndOneSampleFilesSayTooShortToMeasureAndNeverPrintNaNOrInfinity(@TempDir Path dir) {
        Path empty = FileBytes.wav().fmt(1, 2, FS, 16).chunk("data", new byte[0]).writeTo(dir.resolve("empty.wav"));
        Path one = FileBytes.wav().fmt(1, 2, FS, 16).chunk("data", new byte[] {0x00, 0x40, 0x00, (byte) 0xC0})
                .writeTo(dir.resolve("one.wav"));
        for (Path file : new Path[] {empty, one}) {
            for (String format : new String[] {"text", "json", "html"}) {
                CliRunner run = CliRunner.run("analyze", file.toString(), "--format", format);

                assertThat(run.exitCode()).as(file + " " + format + ": " + run.err()).isZero();
                assertThat(run.out()).as(file + " " + format).doesNotContainIgnoringCase("infinity")
                        .doesNotContainPattern("\\bNaN\\b").doesNotContainPattern("-?\\binf\\b").doesNotContain("∞");
                if (!format.equals("json")) {
                    assertThat(run.out()).as(file + " " + format).contains("too short to measure");
                }
            }
        }
        CliRunner oneText = CliRunner.run("analyze", one.toString());
        assertThat(oneText.out()).contains("Integrated      too short to measure").contains("Sample peak     -6.0 dBFS");
    }
}
