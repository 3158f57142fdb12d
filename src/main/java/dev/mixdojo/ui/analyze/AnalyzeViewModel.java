package dev.mixdojo.ui.analyze;

import dev.mixdojo.analysis.TimeSeries;
import dev.mixdojo.analysis.report.AlbumAnalysis;
import dev.mixdojo.analysis.report.ReportSection;
import dev.mixdojo.analysis.report.BatchAnalysis;
import dev.mixdojo.analysis.report.BatchAnalyzer;
import dev.mixdojo.analysis.report.BatchTable;
import dev.mixdojo.analysis.report.Comparison;
import dev.mixdojo.analysis.report.ProgrammeAnalysis;
import dev.mixdojo.analysis.report.ProgrammeAnalyzer;
import dev.mixdojo.analysis.spectrum.BandLevels;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.ui.Work;
import dev.mixdojo.ui.chart.LinePlot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Analyze screen's logic: an audio file and an optional reference, analysed on a worker
 * (loudness, true peak, loudness range, dynamics, stereo, QC) with progress and cancel; the
 * numbers and the plot data for the view. Several files or a folder (an album, a class's bounces)
 * are analysed on all cores into the table the text report shows and the album's figures.
 * Properties belong to the JavaFX thread.
 */
public final class AnalyzeViewModel {
    /** Progress is passed to the UI thread only when it moved by this much, not for every block. */
    private static final double PROGRESS_STEP = 0.01;
    /** Loudness below this is drawn at the plot's floor (LUFS). */
    static final double LOUDNESS_FLOOR_LUFS = -60;

    /** One measured number: what it is, its value with unit, and which standard or meaning. */
    public record Figure(String name, String value, String meaning) {
    }

    /** The analysis of the file and, when one was given, of the reference. */
    public record Result(ProgrammeAnalysis analysis, Optional<ProgrammeAnalysis> reference) {
    }

    private final Executor background;
    private final Executor onUiThread;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> reference = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Figure> figures = FXCollections.observableArrayList();
    private final ObservableList<String> findings = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<BatchAnalysis> batch = new ReadOnlyObjectWrapper<>();
    private final ObservableList<BatchTable.Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Figure> albumFigures = FXCollections.observableArrayList();
    private AtomicBoolean cancelled = new AtomicBoolean();

    public AnalyzeViewModel(Executor background, Executor onUiThread) {
        this.background = background;
        this.onUiThread = onUiThread;
    }

    /** The file to analyse. */
    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** The reference to compare with, or null. */
    public ObjectProperty<Path> referenceProperty() {
        return reference;
    }

    /** Whether an analysis is running. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Share of the work done, 0…1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The sentence about a bad file, a cancelled run or what to do first; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The latest finished analysis, or null. */
    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The numbers of the latest analysis. */
    public ObservableList<Figure> figures() {
        return figures;
    }

    /** What a mastering engineer would fix, then notes on how it was measured. */
    public ObservableList<String> findings() {
        return findings;
    }

    /** The latest finished analysis of several files, or null. */
    public ReadOnlyObjectProperty<BatchAnalysis> batchProperty() {
        return batch.getReadOnlyProperty();
    }

    /** The table of the latest analysis of several files: one row per file. */
    public ObservableList<BatchTable.Row> rows() {
        return rows;
    }

    /** The album's figures of the latest analysis of several files (empty for fewer than two measured). */
    public ObservableList<Figure> albumFigures() {
        return albumFigures;
    }

    /**
     * Analyses several files, or the audio files in folders, on a worker with every core; a file
     * that cannot be read gets its sentence in its row and among the findings, the others are still
     * shown. A second call while running is ignored.
     */
    public void analyseFiles(List<Path> given) {
        if (running.get()) {
            return;
        }
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        running.set(true);
        progress.set(0);
        message.set("");
        Work.run(background, onUiThread, "The analysis", () -> BatchAnalyzer.analyseFiles(BatchAnalyzer.filesIn(given),
                EnumSet.allOf(ReportSection.class), Runtime.getRuntime().availableProcessors(), new Warnings(),
                new Throttled(stop, this::report)), this::showBatch, problem -> {
                    running.set(false);
                    message.set(problem);
                });
    }

    /** Analyses the file (and the reference) on a worker; a second call while running is ignored. */
    public void analyse() {
        Path chosen = file.get();
        if (chosen == null) {
            message.set("Choose an audio file first (or drop one here).");
            return;
        }
        if (running.get()) {
            return;
        }
        Path ref = reference.get();
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        running.set(true);
        progress.set(0);
        message.set("");
        double share = ref == null ? 1 : 0.5;
        Work.run(background, onUiThread, "The analysis", () -> {
            ProgrammeAnalysis programme = analyseOne(chosen, stop, f -> report(f * share));
            Optional<ProgrammeAnalysis> other = Optional.empty();
            if (ref != null) {
                other = Optional.of(analyseOne(ref, stop, f -> report(share + f * share)));
                programme = programme.comparedWith(other.get());
            }
            return new Result(programme, other);
        }, this::show, problem -> {
            running.set(false);
            message.set(problem);
        });
    }

    /** Asks the running analysis to stop after its current block. */
    public void cancel() {
        cancelled.set(true);
    }

    private ProgrammeAnalysis analyseOne(Path path, AtomicBoolean stop, DoubleConsumer onProgress) {
        return ProgrammeAnalyzer.analyseFile(path, EnumSet.allOf(ReportSection.class), new Warnings(),
                new Throttled(stop, onProgress));
    }

    /** An analysis's progress passed on only when it moved by {@link #PROGRESS_STEP}, and the stop flag. */
    private static final class Throttled implements ProgrammeAnalyzer.Monitor, BatchAnalyzer.Listener {
        private final AtomicBoolean stop;
        private final DoubleConsumer onProgress;
        private double shown = -1;

        Throttled(AtomicBoolean stop, DoubleConsumer onProgress) {
            this.stop = stop;
            this.onProgress = onProgress;
        }

        @Override
        public void progress(double fraction) {
            if (fraction - shown >= PROGRESS_STEP || fraction >= 1) {
                shown = fraction;
                onProgress.accept(fraction);
            }
        }

        @Override
        public boolean cancelled() {
            return stop.get();
        }
    }

    private void report(double fraction) {
        onUiThread.execute(() -> progress.set(fraction));
    }

    private void show(Result done) {
        running.set(false);
        progress.set(1);
        batch.set(null);
        rows.clear();
        albumFigures.clear();
        result.set(done);
        figures.setAll(figures(done.analysis()));
        List<String> lines = new ArrayList<>(done.analysis().problems());
        lines.addAll(done.analysis().notes());
        findings.setAll(lines);
    }

    private void showBatch(BatchAnalysis done) {
        running.set(false);
        progress.set(1);
        result.set(null);
        figures.clear();
        batch.set(done);
        rows.setAll(BatchTable.rows(done));
        albumFigures.setAll(done.album().map(AnalyzeViewModel::albumFigures).orElse(List.of()));
        List<String> lines = new ArrayList<>();
        for (BatchAnalysis.Entry entry : done.entries()) {
            if (entry instanceof BatchAnalysis.Unreadable u) {
                lines.add(u.problem());
            } else {
                ProgrammeAnalysis a = ((BatchAnalysis.Measured) entry).analysis();
                a.problems().forEach(p -> lines.add(name(a) + ": " + p));
            }
        }
        findings.setAll(lines);
    }

    /** The album's loudness and range (every file's blocks gated together), the loudest and quietest file and the PLR spread. */
    static List<Figure> albumFigures(AlbumAnalysis album) {
        AlbumAnalysis.Spread loudness = album.integratedLufsSpread();
        AlbumAnalysis.Spread plr = album.plrDbSpread();
        return List.of(
                new Figure("Album loudness", format("%.1f LUFS", album.integratedLufs()),
                        "all " + album.trackCount() + " files' blocks gated together"),
                new Figure("Album range", format("%.1f LU", album.loudnessRangeLu()), "EBU Tech 3342 over the album"),
                new Figure("Album true peak", format("%.1f dBTP", album.truePeakDbtp()), "the highest of any file"),
                new Figure("Loudest", format("%.1f LUFS", loudness.highest()), fileName(loudness.highestFile())),
                new Figure("Quietest", format("%.1f LUFS", loudness.lowest()), fileName(loudness.lowestFile())),
                new Figure("PLR spread", format("%.1f dB", plr.range()),
                        format("%.1f", plr.lowest()) + " to " + format("%.1f dB", plr.highest())));
    }

    /** The numbers a learner reads first, formatted with their units. */
    static List<Figure> figures(ProgrammeAnalysis a) {
        List<Figure> out = new ArrayList<>();
        a.loudness().ifPresent(l -> {
            out.add(new Figure("Integrated loudness", format("%.1f LUFS", l.integratedLufs()), "EBU R128 / BS.1770, gated"));
            out.add(new Figure("True peak", format("%.1f dBTP", l.truePeakDbtp()), "8× oversampled; keep ≤ -1 dBTP"));
            out.add(new Figure("Loudness range", format("%.1f LU", l.loudnessRangeLu()), "EBU Tech 3342"));
            out.add(new Figure("Max short-term", format("%.1f LUFS", l.maxShortTermLufs()), "loudest 3 s"));
            out.add(new Figure("Peak to loudness", format("%.1f dB", l.plrDb()), "true peak − integrated"));
        });
        a.dynamics().ifPresent(d -> {
            out.add(new Figure("Crest factor", format("%.1f dB", d.crestFactorDb()), "peak over RMS"));
            if (d.drScore() >= 0) {
                out.add(new Figure("DR score", "DR" + d.drScore(), "TT DR meter"));
            }
        });
        a.stereo().ifPresent(s -> {
            out.add(new Figure("Correlation", format("%.2f", s.correlation()), "+1 mono, 0 wide, −1 out of phase"));
            out.add(new Figure("Width (side/mid)", format("%.2f", s.widthRatio()), "0 mono, 1 wide"));
            out.add(new Figure("Balance", format("%+.1f LU", s.balanceLu()), "positive leans left"));
            out.add(new Figure("Mono loss", format("%.1f LU", s.monoLossLu()), "quieter when folded to mono"));
        });
        a.comparison().ifPresent(c -> addComparison(out, c));
        return out;
    }

    private static void addComparison(List<Figure> out, Comparison c) {
        String against = "than " + Path.of(c.referenceFile()).getFileName();
        out.add(new Figure("Loudness vs reference", format("%+.1f LU", c.integratedDifferenceLu()), against));
        out.add(new Figure("Range vs reference", format("%+.1f LU", c.loudnessRangeDifferenceLu()), against));
        out.add(new Figure("True peak vs reference", format("%+.1f dB", c.truePeakDifferenceDb()), against));
    }

    private static String format(String pattern, double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, pattern, value) : "n/a";
    }

    /** Third-octave spectrum (dB re the programme's loudness) of the file and of the reference. */
    static List<LinePlot.Series> spectrum(Result r) {
        List<LinePlot.Series> series = new ArrayList<>();
        r.analysis().spectrum().ifPresent(s -> series.add(bands(name(r.analysis()), s.thirdOctave())));
        r.reference().flatMap(ProgrammeAnalysis::spectrum).ifPresent(s -> series.add(bands(
                "reference " + name(r.reference().get()), s.thirdOctave())));
        return series;
    }

    /** Short-term and momentary loudness over time, in LUFS, floored at {@value #LOUDNESS_FLOOR_LUFS}. */
    static List<LinePlot.Series> loudness(Result r) {
        List<LinePlot.Series> series = new ArrayList<>();
        r.analysis().loudness().ifPresent(l -> {
            series.add(time("short-term", l.shortTermLufs(), LOUDNESS_FLOOR_LUFS));
            series.add(time("momentary", l.momentaryLufs(), LOUDNESS_FLOOR_LUFS));
        });
        return series;
    }

    /** Left/right correlation per 100 ms frame (silent frames are gaps). */
    static List<LinePlot.Series> correlation(Result r) {
        return r.analysis().stereo().map(s -> List.of(time("correlation", s.correlationOverTime(), Double.NaN)))
                .orElse(List.of());
    }

    private static LinePlot.Series bands(String name, BandLevels levels) {
        int n = levels.bands().count();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = levels.bands().centreHz(i);
            y[i] = levels.levelDb(i);
        }
        return new LinePlot.Series(name, x, y);
    }

    private static LinePlot.Series time(String name, TimeSeries values, double floor) {
        // Plots need no more points than pixels; thin long programmes to about 2000.
        TimeSeries thin = values.size() > 2000 ? values.decimated(2000, true) : values;
        double[] x = new double[thin.size()];
        double[] y = new double[thin.size()];
        for (int i = 0; i < thin.size(); i++) {
            x[i] = thin.timeAt(i);
            double v = thin.valueAt(i);
            y[i] = !Double.isNaN(floor) && !(v > floor) ? floor : v;
        }
        return new LinePlot.Series(name, x, y);
    }

    private static String name(ProgrammeAnalysis a) {
        return fileName(a.file());
    }

    private static String fileName(String file) {
        Path p = file.isEmpty() ? null : Path.of(file).getFileName();
        return p == null ? file : p.toString();
    }
}
