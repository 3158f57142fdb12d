package dev.mixdojo.ui.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.analysis.report.BatchTable;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.ui.Work;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Analyze's logic without the toolkit. */
public class AnalyzeViewModelTest {
    private static final Executor INLINE = Runnable::run;

    @TempDir
    Path dir;

    /** A 997 Hz stereo sine of {@code peak} amplitude for {@code seconds}. */
    public static Path sine(Path file, double peak, double seconds) {
        int frames = (int) (48_000 * seconds);
        float[][] samples = new float[2][frames];
        for (int i = 0; i < frames; i++) {
            samples[0][i] = samples[1][i] = (float) (peak * Math.sin(2 * Math.PI * 997 * i / 48_000.0));
        }
        AudioFiles.write(file, new AudioBuffer(samples, 48_000), SampleEncoding.FLOAT_32);
        return file;
    }

    @Test
    void aSineAtMinusTwentyDbfsReadsMinusTwentyLufsAndItsFiguresHaveUnits() {
        AnalyzeViewModel model = new AnalyzeViewModel(INLINE, INLINE);
        model.fileProperty().set(sine(dir.resolve("sine.wav"), 0.1, 2));
        model.analyse();
        // BS.1770: −0.691 + 0.69 (K-weighting near 1 kHz) − 20 − 3.01 (sine) + 3.01 (two channels) = −20.0 LUFS.
        assertThat(model.figures()).contains(new AnalyzeViewModel.Figure("Integrated loudness", "-20.0 LUFS",
                "EBU R128 / BS.1770, gated"));
        assertThat(model.figures()).filteredOn(f -> f.name().equals("Correlation")).singleElement()
                .satisfies(f -> assertThat(f.value()).isEqualTo("1.00"));
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(AnalyzeViewModel.loudness(model.resultProperty().get())).extracting(s -> s.name())
                .containsExactly("short-term", "momentary");
    }

    @Test
    void aReferenceSixDecibelsQuieterReadsSixLuBelowAndIsDrawnWithTheSpectrum() {
        AnalyzeViewModel model = new AnalyzeViewModel(INLINE, INLINE);
        model.fileProperty().set(sine(dir.resolve("loud.wav"), 0.2, 2));
        model.referenceProperty().set(sine(dir.resolve("quiet.wav"), 0.1, 2));
        model.analyse();
        // Twice the amplitude is 20·log10(2) = 6.02 dB louder.
        assertThat(model.figures()).contains(new AnalyzeViewModel.Figure("Loudness vs reference", "+6.0 LU", "than quiet.wav"));
        assertThat(AnalyzeViewModel.spectrum(model.resultProperty().get())).extracting(s -> s.name())
                .containsExactly("loud.wav", "reference quiet.wav");
    }

    @Test
    void cancellingStopsTheAnalysisAndSaysSo() {
        Queue<Runnable> queued = new ArrayDeque<>();
        AnalyzeViewModel model = new AnalyzeViewModel(queued::add, INLINE);
        model.fileProperty().set(sine(dir.resolve("sine.wav"), 0.1, 2));
        model.analyse();
        assertThat(model.runningProperty().get()).isTrue();
        model.cancel();
        queued.poll().run();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo(Work.CANCELLED);
        assertThat(model.resultProperty().get()).isNull();
    }

    @Test
    void aFileThatIsNotAudioShowsOneSentenceNamingIt() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.wav"), "not audio at all");
        AnalyzeViewModel model = new AnalyzeViewModel(INLINE, INLINE);
        model.fileProperty().set(text);
        model.analyse();
        assertThat(model.messageProperty().get()).startsWith(text + ": ").doesNotContain("Exception").doesNotContain("\n");
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void aFolderShowsOneRowPerFileTheUnreadableFilesSentenceAndTheAlbumFigures() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("album"));
        sine(folder.resolve("1 loud.wav"), 0.1, 3);     // −20 LUFS
        sine(folder.resolve("2 quiet.wav"), 0.05, 3);   // −26.0 LUFS (half the amplitude)
        Path broken = Files.writeString(folder.resolve("3 broken.wav"), "not audio");
        AnalyzeViewModel model = new AnalyzeViewModel(INLINE, INLINE);
        model.analyseFiles(List.of(folder));

        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(model.resultProperty().get()).isNull();
        assertThat(model.rows()).extracting(BatchTable.Row::lufs).containsExactly("-20.0", "-26.0", "");
        assertThat(model.rows().get(2).unreadable()).hasValueSatisfying(
                sentence -> assertThat(sentence).startsWith(broken + ": ").doesNotContain("Exception"));
        assertThat(model.findings()).anySatisfy(line -> assertThat(line).startsWith(broken + ": "));
        // Equal lengths: the album is the mean power of the two files' blocks, 10·log10((1 + 1/4) / 2) dB from −20.
        String album = String.format(java.util.Locale.ROOT, "%.1f LUFS", -20 + 10 * Math.log10(1.25 / 2));
        assertThat(model.albumFigures()).contains(
                new AnalyzeViewModel.Figure("Album loudness", album, "all 2 files' blocks gated together"),
                new AnalyzeViewModel.Figure("Loudest", "-20.0 LUFS", "1 loud.wav"),
                new AnalyzeViewModel.Figure("Quietest", "-26.0 LUFS", "2 quiet.wav"));

        model.fileProperty().set(folder.resolve("1 loud.wav"));
        model.analyse();
        assertThat(model.batchProperty().get()).isNull();
        assertThat(model.rows()).isEmpty();
        assertThat(model.albumFigures()).isEmpty();
    }

    @Test
    void analysingWithoutAFileAsksForOne() {
        AnalyzeViewModel model = new AnalyzeViewModel(INLINE, INLINE);
        model.analyse();
        assertThat(model.messageProperty().get()).isEqualTo("Choose an audio file first (or drop one here).");
    }
}
