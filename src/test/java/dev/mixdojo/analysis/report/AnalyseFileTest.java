package dev.mixdojo.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Analysing a file with progress and cancellation, as the Analyze screen does. */
class AnalyseFileTest {
    @TempDir
    Path dir;

    private Path sine(double seconds) {
        // A 997 Hz sine at −20 dBFS peak on both channels. BS.1770: −0.691 + 10·log10(Σ mean squares) with the K-weighting's
        // +0.69 dB near 1 kHz, −3.01 dB for a sine's mean square and +3.01 dB for two channels: −20.0 LUFS.
        int frames = (int) (48_000 * seconds);
        float[][] samples = new float[2][frames];
        for (int i = 0; i < frames; i++) {
            samples[0][i] = samples[1][i] = (float) (0.1 * Math.sin(2 * Math.PI * 997 * i / 48_000.0));
        }
        Path file = dir.resolve("sine.wav");
        AudioFiles.write(file, new AudioBuffer(samples, 48_000), SampleEncoding.FLOAT_32);
        return file;
    }

    /** Records each progress report; asks to stop once {@code stopAfter} reports have come. */
    private static ProgrammeAnalyzer.Monitor recording(List<Double> reported, int stopAfter) {
        return new ProgrammeAnalyzer.Monitor() {
            @Override
            public void progress(double fraction) {
                reported.add(fraction);
            }

            @Override
            public boolean cancelled() {
                return reported.size() >= stopAfter;
            }
        };
    }

    @Test
    void aGenuineSixteenBitFileIsNotCalledPaddedButSixteenBitAudioInTwentyFourBitsIs() {
        float[][] samples = new float[2][48_000];
        java.util.Random random = new java.util.Random(3);
        for (float[] channel : samples) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = Math.round(0.1 * random.nextGaussian() * 32768) / 32768f;
            }
        }
        Path sixteen = dir.resolve("sixteen.wav");
        Path padded = dir.resolve("padded.wav");
        AudioFiles.write(sixteen, new AudioBuffer(samples, 48_000), SampleEncoding.PCM_16);
        AudioFiles.write(padded, new AudioBuffer(samples, 48_000), SampleEncoding.PCM_24);
        ProgrammeAnalysis genuine = ProgrammeAnalyzer.analyseFile(sixteen, EnumSet.of(ReportSection.QC), new Warnings(),
                ProgrammeAnalyzer.Monitor.NONE);
        assertThat(genuine.qc().orElseThrow().effectiveBits()).isEqualTo(16);
        assertThat(genuine.problems()).noneMatch(p -> p.contains("bits"));
        ProgrammeAnalysis wide = ProgrammeAnalyzer.analyseFile(padded, EnumSet.of(ReportSection.QC), new Warnings(),
                ProgrammeAnalyzer.Monitor.NONE);
        assertThat(wide.problems()).contains("Only 16 of the 24 bits are used: 16-bit audio padded to 24 bits, with no "
                + "more resolution than 16-bit.");
    }

    @Test
    void progressRisesToOneAndTheLoudnessIsTheStandardsValue() {
        Path file = sine(3);
        List<Double> reported = new ArrayList<>();
        ProgrammeAnalysis analysis = ProgrammeAnalyzer.analyseFile(file, EnumSet.allOf(ReportSection.class), new Warnings(),
                recording(reported, Integer.MAX_VALUE));
        assertThat(reported).isSorted().last().isEqualTo(1.0);
        assertThat(reported).hasSize((int) Math.ceil(3 * 48_000 / (double) ProgrammeAnalyzer.FILE_BLOCK_FRAMES));
        assertThat(analysis.loudness().orElseThrow().integratedLufs()).isCloseTo(-0.691 - 20 + 0.69 - 3.01 + 3.01, within(0.1));
    }

    @Test
    void aMonitorThatCancelsStopsTheAnalysisAfterItsBlock() throws InterruptedException {
        Path file = sine(3);
        List<Double> reported = new ArrayList<>();
        assertThatThrownBy(() -> ProgrammeAnalyzer.analyseFile(file, EnumSet.allOf(ReportSection.class), new Warnings(),
                recording(reported, 2))).isInstanceOf(CancellationException.class);
        assertThat(reported).hasSize(2);
    }

    @Test
    void aCancelledAnalysisLeavesNoneOfItsHelperThreadsRunning() throws InterruptedException {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "the analysis starts helper threads on two cores or more");
        Path file = sine(3);
        Set<Thread> before = helperThreads();
        Set<Thread> started = new HashSet<>();
        ProgrammeAnalyzer.Monitor cancelSecond = new ProgrammeAnalyzer.Monitor() {
            private int reports;

            @Override
            public void progress(double fraction) {
                reports++;
                started.addAll(helperThreads()); // while the analysis runs, its helpers are there
            }

            @Override
            public boolean cancelled() {
                return reports >= 2;
            }
        };
        assertThatThrownBy(() -> ProgrammeAnalyzer.analyseFile(file, EnumSet.allOf(ReportSection.class), new Warnings(),
                cancelSecond)).isInstanceOf(CancellationException.class);
        started.removeAll(before);
        assertThat(started).as("helper threads seen during the analysis").isNotEmpty();
        // They end with it (an executor's idle thread would wait for work forever).
        for (Thread thread : started) {
            thread.join(5_000);
        }
        assertThat(started).noneMatch(Thread::isAlive);
    }

    private static Set<Thread> helperThreads() {
        Set<Thread> threads = new HashSet<>(Thread.getAllStackTraces().keySet());
        threads.removeIf(thread -> !thread.getName().startsWith("mixdojo-loudness")
                && !thread.getName().startsWith("mixdojo-dynamics"));
        return threads;
    }

    @Test
    void aFileThatIsNotAudioGivesOneSentenceNamingIt() throws Exception {
        Path file = dir.resolve("notes.wav");
        Files.writeString(file, "these are my notes, not audio");
        assertThatThrownBy(() -> ProgrammeAnalyzer.analyseFile(file, EnumSet.allOf(ReportSection.class), new Warnings(),
                ProgrammeAnalyzer.Monitor.NONE))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ":");
    }
}
