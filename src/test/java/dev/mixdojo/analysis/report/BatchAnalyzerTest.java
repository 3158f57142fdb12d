package dev.mixdojo.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixdojo.analysis.Signals;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.base.Warnings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many files in one batch: each file's analysis equals its analysis alone, and a bad file does not stop the others. */
class BatchAnalyzerTest {
    private static final Set<ReportSection> ALL = EnumSet.allOf(ReportSection.class);

    @TempDir
    static Path dir;
    static List<Path> files = new ArrayList<>();

    /** Pink noise of different lengths, levels, rates and channel counts (the long one goes first in a batch). */
    @BeforeAll
    static void writeFiles() {
        Object[][] specs = {{"short.wav", 2.0, 48000, 2, -10.0}, {"long.wav", 12.5, 48000, 2, -20.0},
            {"mono.wav", 4.0, 44100, 1, -14.0}, {"quiet.wav", 6.0, 48000, 2, -30.0}, {"surround.wav", 3.0, 48000, 6, -18.0}};
        long seed = 1;
        for (Object[] s : specs) {
            int rate = (int) s[2];
            float[][] channels = new float[(int) s[3]][];
            for (int c = 0; c < channels.length; c++) {
                channels[c] = Signals.pinkNoise((double) s[1], rate, seed++);
                float gain = (float) Math.pow(10, (double) s[4] / 20);
                for (int i = 0; i < channels[c].length; i++) {
                    channels[c][i] *= gain;
                }
            }
            Path file = dir.resolve((String) s[0]);
            AudioFiles.write(file, new AudioBuffer(channels, rate), SampleEncoding.PCM_24);
            files.add(file);
        }
    }

    private static ProgrammeAnalysis alone(Path file) {
        return ProgrammeAnalyzer.analyseFile(file, ALL, new Warnings(), ProgrammeAnalyzer.Monitor.NONE);
    }

    @Test
    void eachFilesAnalysisInABatchEqualsItsAnalysisAlone() {
        for (int workers : new int[] {1, 2, 3}) {
            BatchAnalysis batch = BatchAnalyzer.analyseFiles(files, ALL, workers, new Warnings(), BatchAnalyzer.Listener.NONE);
            assertThat(batch.entries()).hasSize(files.size());
            for (int i = 0; i < files.size(); i++) {
                assertThat(batch.entries().get(i)).isInstanceOf(BatchAnalysis.Measured.class);
                ProgrammeAnalysis inBatch = ((BatchAnalysis.Measured) batch.entries().get(i)).analysis();
                // Field by field, arrays element by element (the time series too), every number to the bit.
                assertThat(inBatch).as("%s with %d workers", files.get(i), workers).usingRecursiveComparison()
                        .withComparatorForType(Double::compare, Double.class)
                        .withComparatorForType(Float::compare, Float.class)
                        .isEqualTo(alone(files.get(i)));
            }
        }
    }

    @Test
    void anUnreadableFileGetsItsSentenceInItsPlaceAndTheOthersAreMeasured() throws Exception {
        Path corrupt = dir.resolve("corrupt.wav");
        Files.write(corrupt, "RIFF....WAVEjunk that is no chunk at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Path missing = dir.resolve("missing.wav");
        List<Path> withBad = new ArrayList<>(files);
        withBad.add(1, corrupt);
        withBad.add(missing);
        List<Integer> finished = Collections.synchronizedList(new ArrayList<>());
        BatchAnalysis batch = BatchAnalyzer.analyseFiles(withBad, ALL, 2, new Warnings(), new BatchAnalyzer.Listener() {
            @Override
            public void finished(int index, BatchAnalysis.Entry entry) {
                finished.add(index);
            }
        });
        assertThat(finished).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6);
        assertThat(batch.anyUnreadable()).isTrue();
        assertThat(batch.entries().get(1)).isInstanceOfSatisfying(BatchAnalysis.Unreadable.class,
                u -> assertThat(u.problem()).startsWith(corrupt.toString() + ": "));
        assertThat(batch.entries().get(6)).isInstanceOfSatisfying(BatchAnalysis.Unreadable.class,
                u -> assertThat(u.problem()).isEqualTo(missing + ": no such file."));
        assertThat(batch.measured()).extracting(ProgrammeAnalysis::file).containsExactlyElementsOf(
                files.stream().map(Path::toString).toList());
        assertThat(batch.album().orElseThrow().trackCount()).isEqualTo(files.size());
    }

    @Test
    void theAlbumNamesTheLoudestAndQuietestFileAndTheSpreadOfPlr() {
        BatchAnalysis batch = BatchAnalyzer.analyseFiles(files, ALL, 2, new Warnings(), BatchAnalyzer.Listener.NONE);
        AlbumAnalysis album = batch.album().orElseThrow();
        List<ProgrammeAnalysis> measured = batch.measured();
        double loudest = measured.stream().mapToDouble(a -> a.loudness().orElseThrow().integratedLufs()).max().orElseThrow();
        assertThat(album.integratedLufsSpread().highestFile()).isEqualTo(dir.resolve("short.wav").toString());
        assertThat(album.integratedLufsSpread().highest()).isEqualTo(loudest);
        assertThat(album.integratedLufsSpread().lowestFile()).isEqualTo(dir.resolve("quiet.wav").toString());
        double lowestPlr = measured.stream().mapToDouble(a -> a.loudness().orElseThrow().plrDb()).min().orElseThrow();
        assertThat(album.plrDbSpread().lowest()).isEqualTo(lowestPlr);
        // Pink noise everywhere: at equal loudness the files' tonal balance differs little from the album's mean.
        AlbumAnalysis.TonalSpread tonal = album.tonalBalance().orElseThrow();
        for (ProgrammeAnalysis a : measured) {
            assertThat(tonal.deviationDb(a.spectrum().orElseThrow().thirdOctave())).as(a.file()).isBetween(0.0, 2.0);
        }
    }

    @Test
    void aCancelledBatchStops() {
        assertThatThrownBy(() -> BatchAnalyzer.analyseFiles(files, ALL, 2, new Warnings(), new BatchAnalyzer.Listener() {
            @Override
            public boolean cancelled() {
                return true;
            }
        })).isInstanceOf(CancellationException.class);
    }
}
