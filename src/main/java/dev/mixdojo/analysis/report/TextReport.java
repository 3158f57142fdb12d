package dev.mixdojo.analysis.report;

import dev.mixdojo.analysis.dynamics.DynamicsResult;
import dev.mixdojo.analysis.loudness.LoudnessResult;
import dev.mixdojo.analysis.qc.QcResult;
import dev.mixdojo.analysis.spectrum.BandLevels;
import dev.mixdojo.analysis.spectrum.SpectrumResult;
import dev.mixdojo.analysis.stereo.StereoResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The analysis as plain text that fits an 80-column terminal; pure. */
public final class TextReport {
    /** Widest line written. */
    public static final int WIDTH = 80;

    private TextReport() {
    }

    /** The report as text lines of at most {@link #WIDTH} characters. */
    public static String render(ProgrammeAnalysis a) {
        StringBuilder out = new StringBuilder();
        for (String line : wrap(a.file(), "")) {
            out.append(line).append('\n');
        }
        line(out, "%d Hz, %s, %s", a.sampleRateHz(), channels(a.channelCount()), duration(a.durationS()));
        for (String note : a.notes()) {
            paragraph(out, "Note: " + note);
        }
        double durationS = a.durationS();
        a.loudness().ifPresent(l -> loudness(out, l, durationS));
        a.dynamics().ifPresent(d -> dynamics(out, d, durationS));
        a.stereo().ifPresent(s -> stereo(out, s, durationS));
        a.spectrum().ifPresent(s -> spectrum(out, s, a.comparison().map(Comparison::tonalBalanceDb).orElse(null), durationS));
        a.qc().ifPresent(q -> qc(out, q, durationS));
        a.comparison().ifPresent(c -> {
            heading(out, "Against " + c.referenceFile());
            pair(out, "Integrated", lu(c.integratedDifferenceLu(), "LU"), "Loudness range", lu(c.loudnessRangeDifferenceLu(), "LU"));
            pair(out, "True peak", lu(c.truePeakDifferenceDb(), "dB"), "PLR", lu(c.plrDifferenceDb(), "dB"));
            if (Double.isFinite(c.widthRatioDifference())) {
                pair(out, "Width ratio", signed(c.widthRatioDifference(), 2, ""), "", "");
            }
        });
        heading(out, "Problems");
        if (a.problems().isEmpty()) {
            out.append("  None found.\n");
        }
        for (String p : a.problems()) {
            for (String l : wrap(p, "  - ")) {
                out.append(l).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * The report of several files: a table with one row per file (a file that could not be read
     * gets its sentence), the album measures, then each file's problems.
     */
    public static String render(BatchAnalysis batch) {
        StringBuilder out = new StringBuilder();
        long unreadable = batch.entries().stream().filter(BatchAnalysis.Unreadable.class::isInstance).count();
        line(out, "%d files%s", batch.entries().size(), unreadable == 0 ? "" : ", " + unreadable + " could not be read");
        int nameWidth = WIDTH - 46;
        String columns = "%3s %-" + nameWidth + "s %6s %5s %6s %5s %4s %5s %4s%n";
        out.append('\n').append(String.format(Locale.ROOT, columns, BatchTable.HEADINGS.toArray()));
        for (BatchTable.Row row : BatchTable.rows(batch)) {
            String name = shortened(row.file(), nameWidth);
            if (row.unreadable().isPresent()) {
                out.append(String.format(Locale.ROOT, "%3d %-" + nameWidth + "s %s%n", row.number(), name, "could not be read"));
            } else {
                out.append(String.format(Locale.ROOT, columns, row.number(), name, row.lufs(), row.lra(), row.dbtp(), row.plr(),
                        row.dr(), row.tone(), row.problems()));
            }
        }
        paragraph(out, "    ", "(Tone: RMS difference in dB from the album's mean tonal balance; Prob: problems found)");
        batch.album().ifPresent(album -> album(out, album));
        heading(out, "Problems");
        boolean any = false;
        for (BatchAnalysis.Entry entry : batch.entries()) {
            if (entry instanceof BatchAnalysis.Unreadable u) {
                any = true;
                paragraph(out, "  ", u.problem());  // the sentence names the file
                continue;
            }
            List<String> sentences = ((BatchAnalysis.Measured) entry).analysis().problems();
            if (sentences.isEmpty()) {
                continue;
            }
            any = true;
            for (String l : wrap(entry.file(), "  ")) {
                out.append(l).append('\n');
            }
            for (String p : sentences) {
                for (String l : wrap(p, "    - ")) {
                    out.append(l).append('\n');
                }
            }
        }
        if (!any) {
            out.append("  None found.\n");
        }
        return out.toString();
    }

    private static void album(StringBuilder out, AlbumAnalysis album) {
        heading(out, "Album (" + album.trackCount() + " files measured together, EBU R128)");
        pair(out, "Integrated", Figures.of(album.integratedLufs(), 1, "LUFS", Double.POSITIVE_INFINITY, 0),
                "Loudness range", Figures.of(album.loudnessRangeLu(), 1, "LU", Double.POSITIVE_INFINITY, 0));
        pair(out, "True peak", Figures.of(album.truePeakDbtp(), 1, "dBTP", Double.POSITIVE_INFINITY, 0),
                "Loudness spread", Figures.of(album.integratedLufsSpread().range(), 1, "LU", Double.POSITIVE_INFINITY, 0));
        extreme(out, "Loudest", album.integratedLufsSpread().highestFile(), album.integratedLufsSpread().highest(), "LUFS");
        extreme(out, "Quietest", album.integratedLufsSpread().lowestFile(), album.integratedLufsSpread().lowest(), "LUFS");
        extreme(out, "Highest PLR", album.plrDbSpread().highestFile(), album.plrDbSpread().highest(), "dB");
        extreme(out, "Lowest PLR", album.plrDbSpread().lowestFile(), album.plrDbSpread().lowest(), "dB");
        album.tonalBalance().ifPresent(t -> {
            paragraph(out, "  ", "Tonal balance: the files' mean and how far apart they are (highest minus lowest), in the"
                    + " third-octave bands at the octave centres, dB re each file's loudness:");
            StringBuilder hz = new StringBuilder("  ").append(String.format(Locale.ROOT, "%-8s", "Hz"));
            StringBuilder mean = new StringBuilder("  ").append(String.format(Locale.ROOT, "%-8s", "mean"));
            StringBuilder range = new StringBuilder("  ").append(String.format(Locale.ROOT, "%-8s", "apart"));
            for (int b = 0; b < t.meanDb().bands().count(); b++) {
                double f = t.meanDb().bands().centreHz(b);
                double octave = Math.log(f / 31.25) / Math.log(2);
                if (Math.abs(octave - Math.rint(octave)) > 0.01 || f > 16500) {
                    continue;
                }
                hz.append(String.format(Locale.ROOT, "%7s", hz(f)));
                mean.append(String.format(Locale.ROOT, "%7s", BatchTable.cell(t.meanDb().levelDb(b), 1, Double.POSITIVE_INFINITY)));
                range.append(String.format(Locale.ROOT, "%7s", BatchTable.cell(t.rangeDb().levelDb(b), 1, Double.POSITIVE_INFINITY)));
            }
            out.append(hz).append('\n').append(mean).append('\n').append(range).append('\n');
        });
    }

    private static void extreme(StringBuilder out, String label, String file, double value, String unit) {
        if (file.isEmpty()) {
            return;
        }
        String figure = Figures.of(value, 1, unit, Double.POSITIVE_INFINITY, 0);
        // The figures in one column (up to "-100.0 LUFS"), the files after them.
        out.append(String.format(Locale.ROOT, "  %-15s %-11s  %s%n", label, figure, shortened(file, WIDTH - 31)));
    }

    /** The name cut to {@code width} characters, keeping its end (the file name). */
    private static String shortened(String name, int width) {
        return name.length() <= width ? name : "…" + name.substring(name.length() - width + 1);
    }

    private static void loudness(StringBuilder out, LoudnessResult l, double s) {
        heading(out, "Loudness (EBU R128)");
        pair(out, "Integrated", Figures.of(l.integratedLufs(), 1, "LUFS", s, 0.4),
                "Loudness range", Figures.of(l.loudnessRangeLu(), 1, "LU", s, 3));
        pair(out, "True peak", Figures.of(l.truePeakDbtp(), 1, "dBTP", s, 0),
                "Sample peak", Figures.of(l.samplePeakDbfs(), 1, "dBFS", s, 0));
        pair(out, "Max momentary", Figures.of(l.maxMomentaryLufs(), 1, "LUFS", s, 0.4),
                "Max short-term", Figures.of(l.maxShortTermLufs(), 1, "LUFS", s, 3));
        double top = Math.ceil(Double.isFinite(l.maxShortTermLufs()) ? l.maxShortTermLufs() : 0);
        out.append(sparkline("Short-term", l.shortTermLufs().toArray(), top - 24, top)).append('\n');
        line(out, "  %-12s  (blank %.0f LUFS or below, # %.0f LUFS)", "", top - 24, top);
    }

    private static void dynamics(StringBuilder out, DynamicsResult d, double s) {
        heading(out, "Dynamics");
        pair(out, "Crest factor", Figures.of(d.crestFactorDb(), 1, "dB", s, 0), "PLR", Figures.of(d.plrDb(), 1, "dB", s, 0.4));
        String dr = d.drScore() < 0 ? "n/a" : "DR" + d.drScore();
        double minPsr = Double.POSITIVE_INFINITY;
        for (float v : d.psrDb().toArray()) {
            if (Float.isFinite(v)) {
                minPsr = Math.min(minPsr, v);
            }
        }
        pair(out, "TT DR score", d.drScore() < 0 && s < 3 ? Figures.TOO_SHORT : dr, "Lowest PSR",
                Figures.of(Double.isFinite(minPsr) ? minPsr : Double.NaN, 1, "dB", s, 3));
        StringBuilder bands = new StringBuilder("  Crest per octave:");
        BandLevels octaves = d.octaveCrestFactorsDb();
        if (s < Figures.SHORTEST_MEASURABLE_S) {
            out.append(bands).append(' ').append(Figures.TOO_SHORT).append('\n');
            return;
        }
        for (int i = 0; i < octaves.bands().count(); i++) {
            String item = String.format(Locale.ROOT, " %s %s", hz(octaves.bands().centreHz(i)),
                    Figures.of(octaves.levelDb(i), 0, "", s, 0));
            if (bands.length() + item.length() > WIDTH) {
                out.append(bands).append('\n');
                bands = new StringBuilder("                   ");
            }
            bands.append(item);
        }
        out.append(bands).append('\n');
    }

    private static void stereo(StringBuilder out, StereoResult s, double d) {
        heading(out, "Stereo");
        pair(out, "Correlation", Figures.of(s.correlation(), 2, "", d, 0), "Width (S/M)", Figures.of(s.widthRatio(), 2, "", d, 0));
        pair(out, "Balance", Figures.signed(s.balanceLu(), 1, "LU", d, 0), "Mono loss", Figures.of(s.monoLossLu(), 1, "LU", d, 0));
        pair(out, "Low-end width", Figures.of(s.lowFrequencyWidthRatio(), 2, "", d, 0), "False stereo", s.falseStereo() ? "yes" : "no");
    }

    private static void spectrum(StringBuilder out, SpectrumResult s, BandLevels tonal, double durationS) {
        heading(out, "Spectrum (octaves, dB re programme loudness)" + (tonal == null ? "" : "; vs reference"));
        if (durationS < Figures.SHORTEST_MEASURABLE_S) {
            out.append("  ").append(Figures.TOO_SHORT).append('\n');
            return;
        }
        BandLevels third = s.thirdOctave();
        for (int i = 0; i < third.bands().count(); i++) {
            double f = third.bands().centreHz(i);
            double octave = Math.log(f / 31.25) / Math.log(2);
            if (Math.abs(octave - Math.rint(octave)) > 0.01) {
                continue;
            }
            // One line per octave: the sum of its three third-octave bands.
            double power = 0;
            for (int k = Math.max(0, i - 1); k <= Math.min(third.bands().count() - 1, i + 1); k++) {
                power += Double.isFinite(third.levelDb(k)) ? Math.pow(10, third.levelDb(k) / 10) : 0;
            }
            double levelDb = 10 * Math.log10(power);
            int bar = (int) Math.round(Math.max(0, Math.min(40, (levelDb + 40))));
            String diff = "";
            if (tonal != null) {
                diff = Double.isFinite(tonal.levelDb(i)) ? String.format(Locale.ROOT, "  %+5.1f", tonal.levelDb(i)) : "";
            }
            out.append(String.format(Locale.ROOT, "  %6s %6s |%-40s|%s%n", hz(f),
                    Double.isFinite(levelDb) ? String.format(Locale.ROOT, "%.1f", levelDb) : "silent", "#".repeat(bar), diff));
        }
    }

    private static void qc(StringBuilder out, QcResult q, double s) {
        heading(out, "Technical QC");
        pair(out, "Clipped runs", Integer.toString(q.clippedRuns()), "Effective bits",
                q.effectiveBits() >= 32 ? "float" : Integer.toString(q.effectiveBits()));
        pair(out, "DC offset", q.dcOffset() == 0 && s > 0 ? "none" : Figures.of(20 * Math.log10(Math.abs(q.dcOffset())), 1, "dBFS", s, 0),
                "Silence in/out",
                String.format(Locale.ROOT, "%.2f s / %.2f s", q.leadingSilenceS(), q.trailingSilenceS()));
    }

    private static String sparkline(String label, float[] values, double lowest, double highest) {
        String ramp = " .:-=+*#";
        int width = WIDTH - 17;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-12s |", label));
        if (values.length == 0) {
            return line.append("(too short)").toString();
        }
        for (int x = 0; x < width; x++) {
            int from = (int) ((long) x * values.length / width);
            int to = Math.max(from + 1, (int) ((long) (x + 1) * values.length / width));
            double max = Double.NEGATIVE_INFINITY;
            for (int i = from; i < Math.min(to, values.length); i++) {
                max = Math.max(max, values[i]);
            }
            double t = (max - lowest) / (highest - lowest);
            int k = Double.isFinite(t) ? (int) Math.round(Math.max(0, Math.min(1, t)) * (ramp.length() - 1)) : 0;
            line.append(ramp.charAt(k));
        }
        return line.append('|').toString();
    }

    private static void heading(StringBuilder out, String title) {
        out.append('\n').append(title).append('\n').append("-".repeat(Math.min(WIDTH, title.length()))).append('\n');
    }

    private static void pair(StringBuilder out, String k1, String v1, String k2, String v2) {
        String left = String.format(Locale.ROOT, "  %-15s %-20s", k1, v1);
        left = left.endsWith(" ") ? left : left + " ";
        String right = k2.isEmpty() ? "" : String.format(Locale.ROOT, "%-15s %s", k2, v2);
        String line = (left + right).stripTrailing();
        out.append(line.length() > WIDTH ? line.substring(0, WIDTH) : line).append('\n');
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static void paragraph(StringBuilder out, String text) {
        paragraph(out, "", text);
    }

    private static void paragraph(StringBuilder out, String prefix, String text) {
        for (String l : wrap(text, prefix)) {
            out.append(l).append('\n');
        }
    }

    /** The text broken into lines of at most {@link #WIDTH} characters, the first starting with {@code prefix} and the rest indented as far. */
    public static List<String> wrap(String text, String prefix) {
        List<String> lines = new ArrayList<>();
        String indent = " ".repeat(prefix.length());
        StringBuilder line = new StringBuilder(prefix);
        int start = prefix.length();
        for (String word : text.split(" ")) {
            if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
                start = indent.length();
            }
            while (start + word.length() > WIDTH) {
                // A path longer than a line is broken where it must be.
                int room = WIDTH - line.length();
                lines.add(line + word.substring(0, room));
                line = new StringBuilder(indent);
                start = indent.length();
                word = word.substring(room);
            }
            if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > start) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static String channels(int n) {
        return switch (n) {
            case 1 -> "mono";
            case 2 -> "stereo";
            default -> n + " channels";
        };
    }

    /** m:ss.s, rounded once (so 179.99 s reads 3:00.0, not 2:60.0). */
    static String duration(double s) {
        long tenths = Math.round(s * 10);
        return String.format(Locale.ROOT, "%d:%02d.%d", tenths / 600, (tenths % 600) / 10, tenths % 10);
    }

    private static String lu(double v, String unit) {
        return signed(v, 1, " " + unit);
    }

    private static String signed(double v, int decimals, String unit) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+." + decimals + "f%s", v, unit) : "n/a";
    }

    private static String hz(double f) {
        return f >= 1000 ? String.format(Locale.ROOT, "%.0fk", f / 1000) : String.format(Locale.ROOT, "%.0f", f);
    }
}
