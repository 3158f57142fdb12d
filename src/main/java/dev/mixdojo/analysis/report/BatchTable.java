package dev.mixdojo.analysis.report;

import dev.mixdojo.analysis.loudness.LoudnessResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The table of several files as the text report and the Analyze screen show it: one row of short
 * cells per file, in the order given. Pure.
 */
public final class BatchTable {
    /** The column headings, in the order of a row's cells. */
    public static final List<String> HEADINGS = List.of("#", "File", "LUFS", "LRA", "dBTP", "PLR", "DR", "Tone", "Prob");

    private BatchTable() {
    }

    /**
     * One file's cells: integrated loudness, loudness range, true peak and PLR to 0.1, the DR
     * score, the RMS distance in dB from the album's mean tonal balance ({@code tone}), and how many
     * problems were found; "-" for a figure that was not measured. A file that could not be read has
     * only its number, file and {@code unreadable} sentence.
     */
    public record Row(int number, String file, String lufs, String lra, String dbtp, String plr, String dr, String tone,
            String problems, Optional<String> unreadable) {
    }

    /** The rows of the batch. */
    public static List<Row> rows(BatchAnalysis batch) {
        Optional<AlbumAnalysis.TonalSpread> tonal = batch.album().flatMap(AlbumAnalysis::tonalBalance);
        List<Row> rows = new ArrayList<>();
        for (BatchAnalysis.Entry entry : batch.entries()) {
            int number = rows.size() + 1;
            if (entry instanceof BatchAnalysis.Unreadable u) {
                rows.add(new Row(number, u.file(), "", "", "", "", "", "", "", Optional.of(u.problem())));
                continue;
            }
            ProgrammeAnalysis a = ((BatchAnalysis.Measured) entry).analysis();
            double d = a.durationS();
            Optional<LoudnessResult> l = a.loudness();
            rows.add(new Row(number, a.file(),
                    l.map(x -> cell(x.integratedLufs(), 1, d)).orElse("-"),
                    l.map(x -> cell(x.loudnessRangeLu(), 1, d)).orElse("-"),
                    l.map(x -> cell(x.truePeakDbtp(), 1, d)).orElse("-"),
                    l.map(x -> cell(x.plrDb(), 1, d)).orElse("-"),
                    a.dynamics().map(x -> x.drScore() < 0 ? "-" : Integer.toString(x.drScore())).orElse("-"),
                    tonal.flatMap(t -> a.spectrum().map(sp -> t.deviationDb(sp.thirdOctave()))).map(v -> cell(v, 1, d)).orElse("-"),
                    Integer.toString(a.problems().size()),
                    Optional.empty()));
        }
        return rows;
    }

    /** A table cell: the number, or a short word when it has none. */
    static String cell(double value, int decimals, double durationS) {
        if (Double.isFinite(value)) {
            return String.format(Locale.ROOT, "%." + decimals + "f", value);
        }
        String words = Figures.of(value, decimals, "", durationS, 0);
        return words.equals(Figures.TOO_SHORT) ? "short" : words.equals("silent") ? "sil." : "n/a";
    }
}
