package dev.mixdojo.analysis.report;

import dev.mixdojo.analysis.loudness.LoudnessResult;
import dev.mixdojo.base.Csv;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The analysis of one or more files as CSV for a spreadsheet ({@link Csv}: RFC 4180, text cells
 * defused): a header, one row per file in the order given (a file that could not be read has its
 * sentence under {@code problem} and nothing else), and for two or more measured files an
 * {@code album} row with the album's integrated loudness, range and true peak. Numbers use the
 * units their column names end with, written with a point; a figure without a value is empty. Pure.
 */
public final class CsvReport {
    /** The columns, in order. */
    public static final List<String> HEADER = List.of("row", "file", "durationS", "sampleRate", "channels",
            "integratedLufs", "loudnessRangeLu", "truePeakDbtp", "samplePeakDbfs", "maxMomentaryLufs", "maxShortTermLufs",
            "plrDb", "crestFactorDb", "drScore", "correlation", "widthRatio", "balanceLu", "monoLossLu",
            "clippedRuns", "dcOffset", "effectiveBits", "tonalDeviationDb", "problems", "problem");

    private CsvReport() {
    }

    /** One file's analysis as a header and one row. */
    public static String render(ProgrammeAnalysis analysis) {
        return render(BatchAnalysis.of(List.of(new BatchAnalysis.Measured(analysis))));
    }

    /** The files' analyses, one row each, then the album row when there is an album. */
    public static String render(BatchAnalysis batch) {
        StringBuilder out = new StringBuilder();
        Csv.row(out, HEADER);
        Optional<AlbumAnalysis.TonalSpread> tonal = batch.album().flatMap(AlbumAnalysis::tonalBalance);
        for (BatchAnalysis.Entry entry : batch.entries()) {
            List<String> cells = new ArrayList<>();
            cells.add("file");
            cells.add(Csv.text(entry.file()));
            if (entry instanceof BatchAnalysis.Measured m) {
                measured(cells, m.analysis(), tonal);
            } else {
                while (cells.size() < HEADER.size() - 1) {
                    cells.add("");
                }
                cells.add(Csv.text(((BatchAnalysis.Unreadable) entry).problem()));
            }
            Csv.row(out, cells);
        }
        batch.album().ifPresent(album -> {
            List<String> cells = new ArrayList<>(List.of("album", Csv.text(album.trackCount() + " files"), "", "", "",
                    number(album.integratedLufs(), 2), number(album.loudnessRangeLu(), 2), number(album.truePeakDbtp(), 2)));
            while (cells.size() < HEADER.size()) {
                cells.add("");
            }
            Csv.row(out, cells);
        });
        return out.toString();
    }

    private static void measured(List<String> cells, ProgrammeAnalysis a, Optional<AlbumAnalysis.TonalSpread> tonal) {
        cells.add(number(a.durationS(), 3));
        cells.add(Integer.toString(a.sampleRateHz()));
        cells.add(Integer.toString(a.channelCount()));
        Optional<LoudnessResult> l = a.loudness();
        cells.add(figure(l, LoudnessResult::integratedLufs, 2));
        cells.add(figure(l, LoudnessResult::loudnessRangeLu, 2));
        cells.add(figure(l, LoudnessResult::truePeakDbtp, 2));
        cells.add(figure(l, LoudnessResult::samplePeakDbfs, 2));
        cells.add(figure(l, LoudnessResult::maxMomentaryLufs, 2));
        cells.add(figure(l, LoudnessResult::maxShortTermLufs, 2));
        cells.add(figure(l, LoudnessResult::plrDb, 2));
        cells.add(figure(a.dynamics(), d -> d.crestFactorDb(), 2));
        cells.add(a.dynamics().filter(d -> d.drScore() >= 0).map(d -> Integer.toString(d.drScore())).orElse(""));
        cells.add(figure(a.stereo(), s -> s.correlation(), 3));
        cells.add(figure(a.stereo(), s -> s.widthRatio(), 3));
        cells.add(figure(a.stereo(), s -> s.balanceLu(), 2));
        cells.add(figure(a.stereo(), s -> s.monoLossLu(), 2));
        cells.add(a.qc().map(q -> Integer.toString(q.clippedRuns())).orElse(""));
        cells.add(figure(a.qc(), q -> q.dcOffset(), 6));
        cells.add(a.qc().map(q -> Integer.toString(q.effectiveBits())).orElse(""));
        cells.add(tonal.flatMap(t -> a.spectrum().map(s -> number(t.deviationDb(s.thirdOctave()), 2))).orElse(""));
        cells.add(Csv.text(String.join(" ", a.problems())));
        cells.add("");
    }

    private static <T> String figure(Optional<T> section, Function<T, Double> value, int decimals) {
        return section.map(s -> number(value.apply(s), decimals)).orElse("");
    }

    private static String number(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "";
    }
}
