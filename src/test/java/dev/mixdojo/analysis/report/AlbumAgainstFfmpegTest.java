package dev.mixdojo.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mixdojo.analysis.Signals;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.base.Warnings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The album's loudness against an independent meter: ffmpeg's ebur128 filter on the tracks
 * played one after another ({@code concat}). ffmpeg prints its summary to 0.1 LU, and its blocks
 * that straddle two tracks (which the album measure leaves out) move the figures by a few
 * hundredths here; skipped when ffmpeg is not installed.
 */
class AlbumAgainstFfmpegTest {
    private static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
    private static final int RATE = 48000;

    @TempDir
    Path dir;

    /** Stereo pink noise, one section per (seconds, dBFS) pair, written as a 24-bit WAV. */
    private Path track(String name, long seed, double... secondsAndLevels) {
        List<float[]> sections = new ArrayList<>();
        for (int i = 0; i < secondsAndLevels.length; i += 2) {
            float[] noise = Signals.pinkNoise(secondsAndLevels[i], RATE, seed + i);
            float gain = (float) Math.pow(10, secondsAndLevels[i + 1] / 20);
            for (int s = 0; s < noise.length; s++) {
                noise[s] *= gain;
            }
            sections.add(noise);
        }
        float[] left = Signals.concat(sections.toArray(float[][]::new));
        float[] right = left.clone();
        for (int s = 1; s < right.length; s++) {
            right[s] = 0.7f * left[s] + 0.3f * left[s - 1];  // correlated, not identical
        }
        Path file = dir.resolve(name);
        AudioFiles.write(file, new AudioBuffer(new float[][] {left, right}, RATE), SampleEncoding.PCM_24);
        return file;
    }

    /** ffmpeg's integrated loudness (LUFS) and loudness range (LU) of the files played one after another. */
    private static double[] ffmpegConcatenated(List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(FFMPEG.toString(), "-nostdin", "-hide_banner", "-nostats"));
        for (Path f : files) {
            command.addAll(List.of("-i", f.toString()));
        }
        command.addAll(List.of("-filter_complex", "concat=n=" + files.size() + ":v=0:a=1,ebur128", "-f", "null", "-"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        String summary = output.substring(output.lastIndexOf("Summary:"));
        return new double[] {number(summary, "I:\\s+(-?[0-9.]+) LUFS"), number(summary, "LRA:\\s+(-?[0-9.]+) LU")};
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in %s", regex, text).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void theAlbumsLoudnessAndRangeAgreeWithFfmpegOnTheTracksPlayedOneAfterAnother() throws Exception {
        assumeTrue(Files.isExecutable(FFMPEG), "ffmpeg is not installed at /usr/bin/ffmpeg: no independent album reference");
        List<Path> tracks = List.of(
                track("1.wav", 10, 12, -14, 6, -20),
                track("2.wav", 20, 8, -18),
                track("3.wav", 30, 10, -36),   // far below the album's relative gate
                track("4.wav", 40, 6, -24, 4, -16));
        BatchAnalysis batch = BatchAnalyzer.analyseFiles(tracks, EnumSet.of(ReportSection.LOUDNESS), 2, new Warnings(),
                BatchAnalyzer.Listener.NONE);
        AlbumAnalysis album = batch.album().orElseThrow();
        double[] ffmpeg = ffmpegConcatenated(tracks);

        assertThat(album.integratedLufs()).isCloseTo(ffmpeg[0], within(0.1));
        assertThat(album.loudnessRangeLu()).isCloseTo(ffmpeg[1], within(0.2));
        // The check can tell gating from averaging: the mean of the tracks' own loudness is far from both.
        double meanOfTracks = batch.measured().stream().mapToDouble(a -> a.loudness().orElseThrow().integratedLufs())
                .average().orElseThrow();
        assertThat(Math.abs(meanOfTracks - ffmpeg[0])).isGreaterThan(3);
    }
}
