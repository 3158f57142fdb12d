package dev.mixdojo.analysis.report;

import dev.mixdojo.analysis.TimeSeries;
import dev.mixdojo.analysis.dynamics.DynamicsResult;
import dev.mixdojo.analysis.loudness.LoudnessResult;
import dev.mixdojo.analysis.qc.QcResult;
import dev.mixdojo.analysis.spectrum.BandLevels;
import dev.mixdojo.analysis.spectrum.SpectrumResult;
import dev.mixdojo.analysis.stereo.StereoResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The analysis as one self-contained HTML page (inline CSS and SVG, no scripts, no external
 * files): key numbers, problems, and plots of the spectrum (against the reference), loudness over
 * time and correlation over time; pure.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:820px;margin:2em auto;padding:0 1em;color:#1d1d1f;background:#fff}
            h1{font-size:1.4em;margin-bottom:.2em;word-break:break-all}h2{font-size:1.1em;margin-top:1.8em;border-bottom:1px solid #ddd;padding-bottom:.2em}
            .meta{color:#555}.cards{display:flex;flex-wrap:wrap;gap:.6em;margin:1em 0}
            .card{border:1px solid #ddd;border-radius:8px;padding:.5em .8em;min-width:8.5em}.card b{display:block;font-size:1.3em}.card span{color:#666;font-size:.85em}
            table{border-collapse:collapse;margin:.5em 0}td,th{padding:.15em .9em .15em 0;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
            .problems li{color:#8a1c1c}.ok{color:#1c6b2a}.note{color:#555;font-style:italic}
            svg{width:100%;height:auto;border:1px solid #eee;border-radius:6px}
            svg .grid{stroke:#e4e4e8;stroke-width:1}svg .tick{font-size:11px;fill:#555}svg .axis{font-size:12px;fill:#333}svg .legend{font-size:12px;fill:#333}
            """;

    private HtmlReport() {
    }

    /** The report as an HTML document. */
    public static String render(ProgrammeAnalysis a) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        h.append("<title>MixDojo analysis: ").append(Html.escape(a.file())).append("</title><style>").append(CSS).append("</style></head><body>\n");
        h.append("<h1>").append(Html.escape(a.file())).append("</h1>");
        h.append(String.format(Locale.ROOT, "<p class=\"meta\">%d Hz · %s · %s</p>", a.sampleRateHz(),
                a.channelCount() == 1 ? "mono" : a.channelCount() == 2 ? "stereo" : a.channelCount() + " channels",
                TextReport.duration(a.durationS())));
        for (String note : a.notes()) {
            h.append("<p class=\"note\">").append(Html.escape(note)).append("</p>");
        }
        cards(h, a);
        h.append("<h2>Problems</h2>");
        if (a.problems().isEmpty()) {
            h.append("<p class=\"ok\">None found.</p>");
        } else {
            h.append("<ul class=\"problems\">");
            a.problems().forEach(p -> h.append("<li>").append(Html.escape(p)).append("</li>"));
            h.append("</ul>");
        }
        a.loudness().ifPresent(l -> loudness(h, l, a.durationS()));
        a.spectrum().ifPresent(s -> spectrum(h, s, a));
        a.dynamics().ifPresent(d -> dynamics(h, d, a.durationS()));
        a.stereo().ifPresent(s -> stereo(h, s, a.durationS()));
        a.qc().ifPresent(q -> qc(h, q, a.durationS()));
        a.comparison().ifPresent(c -> {
            h.append("<h2>Against ").append(Html.escape(c.referenceFile())).append("</h2><table>");
            row(h, "Integrated loudness", signed(c.integratedDifferenceLu(), "LU"));
            row(h, "Loudness range", signed(c.loudnessRangeDifferenceLu(), "LU"));
            row(h, "True peak", signed(c.truePeakDifferenceDb(), "dB"));
            row(h, "PLR", signed(c.plrDifferenceDb(), "dB"));
            if (Double.isFinite(c.widthRatioDifference())) {
                row(h, "Width ratio (S/M)", String.format(Locale.ROOT, "%+.2f", c.widthRatioDifference()));
            }
            h.append("</table><p class=\"meta\">Differences are this file minus the reference.</p>");
        });
        h.append("<p class=\"meta\">Made by MixDojo. Loudness per ITU-R BS.1770-4 and EBU R128 (Tech 3341/3342); true peak with 8× oversampling.</p>");
        return h.append("</body></html>\n").toString();
    }

    /**
     * The report of several files as one page: a table with one row per file (a file that could
     * not be read gets its sentence), the album measures, each file's tonal balance against the
     * album's mean, and each file's problems.
     */
    public static String render(BatchAnalysis batch) {
        StringBuilder h = new StringBuilder(1 << 16);
        String title = batch.entries().size() + " files";
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        h.append("<title>MixDojo analysis: ").append(Html.escape(title)).append("</title><style>").append(CSS).append("</style></head><body>\n");
        h.append("<h1>").append(Html.escape(title)).append("</h1>");
        Optional<AlbumAnalysis.TonalSpread> tonal = batch.album().flatMap(AlbumAnalysis::tonalBalance);
        h.append("<table><tr><th>#</th><th>File</th><th>LUFS</th><th>LRA</th><th>dBTP</th><th>PLR</th><th>DR</th>"
                + "<th>Tone</th><th>Problems</th></tr>");
        int number = 0;
        for (BatchAnalysis.Entry entry : batch.entries()) {
            h.append("<tr><td class=\"n\">").append(++number).append("</td><td>").append(Html.escape(entry.file())).append("</td>");
            if (entry instanceof BatchAnalysis.Measured m) {
                ProgrammeAnalysis a = m.analysis();
                double d = a.durationS();
                Optional<LoudnessResult> l = a.loudness();
                numberCell(h, l.map(x -> Figures.of(x.integratedLufs(), 1, "", d, 0)));
                numberCell(h, l.map(x -> Figures.of(x.loudnessRangeLu(), 1, "", d, 0)));
                numberCell(h, l.map(x -> Figures.of(x.truePeakDbtp(), 1, "", d, 0)));
                numberCell(h, l.map(x -> Figures.of(x.plrDb(), 1, "", d, 0)));
                numberCell(h, a.dynamics().map(x -> x.drScore() < 0 ? "n/a" : "DR" + x.drScore()));
                numberCell(h, tonal.flatMap(t -> a.spectrum().map(sp -> Figures.of(t.deviationDb(sp.thirdOctave()), 1, "", d, 0))));
                numberCell(h, Optional.of(Integer.toString(a.problems().size())));
            } else {
                h.append("<td colspan=\"7\" class=\"problems\">").append(Html.escape(((BatchAnalysis.Unreadable) entry).problem()))
                        .append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table><p class=\"meta\">Tone: RMS difference in dB from the album's mean tonal balance (third-octave bands,"
                + " 31.5 Hz to 16 kHz, each file at its own loudness).</p>");
        batch.album().ifPresent(album -> album(h, album, batch.measured()));
        h.append("<h2>Problems</h2>");
        boolean any = false;
        for (BatchAnalysis.Entry entry : batch.entries()) {
            List<String> sentences = entry instanceof BatchAnalysis.Measured m ? m.analysis().problems()
                    : List.of(((BatchAnalysis.Unreadable) entry).problem());
            if (!sentences.isEmpty()) {
                any = true;
                h.append("<h3>").append(Html.escape(entry.file())).append("</h3><ul class=\"problems\">");
                sentences.forEach(p -> h.append("<li>").append(Html.escape(p)).append("</li>"));
                h.append("</ul>");
            }
        }
        if (!any) {
            h.append("<p class=\"ok\">None found.</p>");
        }
        h.append("<p class=\"meta\">Made by MixDojo. Loudness per ITU-R BS.1770-4 and EBU R128 (Tech 3341/3342); the album's"
                + " loudness gates every file's blocks together; true peak with 8× oversampling.</p>");
        return h.append("</body></html>\n").toString();
    }

    private static void numberCell(StringBuilder h, Optional<String> text) {
        h.append("<td class=\"n\">").append(Html.escape(text.orElse("–"))).append("</td>");
    }

    private static void album(StringBuilder h, AlbumAnalysis album, List<ProgrammeAnalysis> tracks) {
        double always = Double.POSITIVE_INFINITY;
        h.append("<h2>Album</h2><div class=\"cards\">");
        card(h, Figures.of(album.integratedLufs(), 1, "", always, 0), "LUFS integrated");
        card(h, Figures.of(album.loudnessRangeLu(), 1, "", always, 0), "LU loudness range");
        card(h, Figures.of(album.truePeakDbtp(), 1, "", always, 0), "dBTP true peak");
        card(h, Figures.of(album.integratedLufsSpread().range(), 1, "", always, 0), "LU between files");
        h.append("</div><table>");
        AlbumAnalysis.Spread loudness = album.integratedLufsSpread();
        AlbumAnalysis.Spread plr = album.plrDbSpread();
        row(h, "Loudest", Figures.of(loudness.highest(), 1, "LUFS", always, 0) + "  " + loudness.highestFile());
        row(h, "Quietest", Figures.of(loudness.lowest(), 1, "LUFS", always, 0) + "  " + loudness.lowestFile());
        row(h, "Highest PLR", Figures.of(plr.highest(), 1, "dB", always, 0) + "  " + plr.highestFile());
        row(h, "Lowest PLR", Figures.of(plr.lowest(), 1, "dB", always, 0) + "  " + plr.lowestFile());
        h.append("</table><p class=\"meta\">The album's loudness and range gate every file's 400 ms and 3 s blocks together,"
                + " as if the files were played one after another.</p>");
        album.tonalBalance().ifPresent(t -> {
            double[] xs = t.meanDb().bands().centresHz();
            SvgPlot plot = new SvgPlot(18, xs[xs.length - 1] * 1.05, true, -12, 12, "frequency (Hz)", "dB against album mean")
                    .horizontal(0, "#999", null);
            String[] colours = {"#1f4e99", "#e67e22", "#27ae60", "#8e44ad", "#c0392b", "#16a085", "#7f8c8d", "#d35400"};
            int i = 0;
            for (ProgrammeAnalysis track : tracks) {
                BandLevels levels = track.spectrum().orElseThrow().thirdOctave();
                double[] ys = new double[xs.length];
                for (int b = 0; b < xs.length; b++) {
                    ys[b] = levels.levelDb(b) - t.meanDb().levelDb(b);
                }
                Path name = Path.of(track.file()).getFileName();
                plot.line(xs, ys, colours[i++ % colours.length], 1.5, name == null ? track.file() : name.toString());
            }
            h.append(plot.render("Tonal balance of each file against the album's mean"));
        });
    }

    private static void cards(StringBuilder h, ProgrammeAnalysis a) {
        double seconds = a.durationS();
        h.append("<div class=\"cards\">");
        a.loudness().ifPresent(l -> {
            card(h, Figures.of(l.integratedLufs(), 1, "", seconds, 0), "LUFS integrated");
            card(h, Figures.of(l.loudnessRangeLu(), 1, "", seconds, 0), "LU loudness range");
            card(h, Figures.of(l.truePeakDbtp(), 1, "", seconds, 0), "dBTP true peak");
        });
        a.dynamics().ifPresent(d -> {
            card(h, Figures.of(d.plrDb(), 1, "", seconds, 0), "dB PLR");
            card(h, d.drScore() < 0 ? "n/a" : "DR" + d.drScore(), "TT DR score");
        });
        a.stereo().ifPresent(s -> card(h, Figures.of(s.correlation(), 2, "", seconds, 0), "L/R correlation"));
        h.append("</div>");
    }

    private static void loudness(StringBuilder h, LoudnessResult l, double seconds) {
        h.append("<h2>Loudness</h2><table>");
        row(h, "Integrated", Figures.of(l.integratedLufs(), 1, "LUFS", seconds, 0));
        row(h, "Loudness range", Figures.of(l.loudnessRangeLu(), 1, "LU", seconds, 0));
        row(h, "True peak", Figures.of(l.truePeakDbtp(), 2, "dBTP", seconds, 0));
        row(h, "Sample peak", Figures.of(l.samplePeakDbfs(), 2, "dBFS", seconds, 0));
        row(h, "Max momentary", Figures.of(l.maxMomentaryLufs(), 1, "LUFS", seconds, 0));
        row(h, "Max short-term", Figures.of(l.maxShortTermLufs(), 1, "LUFS", seconds, 0));
        h.append("</table>");
        TimeSeries m = l.momentaryLufs().decimated(800, false);
        TimeSeries s = l.shortTermLufs().decimated(800, false);
        double end = Math.max(l.durationS(), 1);
        double top = Math.ceil(Math.max(Double.isFinite(l.maxMomentaryLufs()) ? l.maxMomentaryLufs() : -10, -10) / 5) * 5 + 2;
        SvgPlot plot = new SvgPlot(0, end, false, top - 50, top, "time (s)", "LUFS")
                .line(times(m), values(m), "#9db8e0", 1, "momentary (400 ms)")
                .line(times(s), values(s), "#1f4e99", 2, "short-term (3 s)")
                .horizontal(l.integratedLufs(), "#c0392b", "integrated");
        h.append(plot.render("Loudness over time"));
    }

    private static void spectrum(StringBuilder h, SpectrumResult s, ProgrammeAnalysis a) {
        h.append("<h2>Spectrum</h2><p class=\"meta\">Third-octave bands, dB relative to the programme's loudness")
                .append(a.comparison().isPresent() ? ", against the reference at equal loudness." : ".").append("</p>");
        BandLevels third = s.thirdOctave();
        double[] xs = third.bands().centresHz();
        double[] ys = new double[xs.length];
        double max = -200;
        for (int i = 0; i < xs.length; i++) {
            ys[i] = third.levelDb(i);
            if (Double.isFinite(ys[i])) {
                max = Math.max(max, ys[i]);
            }
        }
        double top = Math.ceil(max / 10) * 10;
        SvgPlot plot = new SvgPlot(18, xs[xs.length - 1] * 1.05, true, top - 60, top, "frequency (Hz)", "dB re loudness");
        a.comparison().map(Comparison::tonalBalanceDb).ifPresent(diff -> {
            double[] ref = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                ref[i] = ys[i] - diff.levelDb(i);
            }
            plot.line(xs, ref, "#e67e22", 2, "reference");
        });
        plot.line(xs, ys, "#1f4e99", 2, "this file");
        h.append(plot.render("Spectrum"));
    }

    private static void dynamics(StringBuilder h, DynamicsResult d, double seconds) {
        h.append("<h2>Dynamics</h2><table>");
        row(h, "Crest factor", Figures.of(d.crestFactorDb(), 1, "dB", seconds, 0));
        row(h, "PLR (peak to loudness)", Figures.of(d.plrDb(), 1, "dB", seconds, 0));
        row(h, "TT DR score", d.drScore() < 0 ? "n/a" : "DR" + d.drScore());
        BandLevels octaves = d.octaveCrestFactorsDb();
        StringBuilder crest = new StringBuilder();
        for (int i = 0; i < octaves.bands().count(); i++) {
            crest.append(String.format(Locale.ROOT, "%s%.0f Hz: %s", i == 0 ? "" : " · ", octaves.bands().centreHz(i), Figures.of(octaves.levelDb(i), 1, "", seconds, 0)));
        }
        row(h, "Crest per octave (dB)", crest.toString());
        h.append("</table>");
    }

    private static void stereo(StringBuilder h, StereoResult s, double seconds) {
        h.append("<h2>Stereo</h2><table>");
        row(h, "Correlation", Figures.of(s.correlation(), 2, "", seconds, 0));
        row(h, "Width (side/mid energy)", Figures.of(s.widthRatio(), 2, "", seconds, 0));
        row(h, "Balance", signed(s.balanceLu(), "LU") + (s.balanceLu() > 0 ? " (left)" : s.balanceLu() < 0 ? " (right)" : ""));
        row(h, "Loss when folded to mono", Figures.of(s.monoLossLu(), 1, "LU", seconds, 0));
        row(h, "Low-end width (below 120 Hz)", Figures.of(s.lowFrequencyWidthRatio(), 2, "", seconds, 0));
        row(h, "False stereo", s.falseStereo() ? "yes" : "no");
        h.append("</table>");
        TimeSeries c = s.correlationOverTime().decimated(800, true);
        double end = Math.max(c.timeAt(Math.max(0, c.size() - 1)) + c.stepS(), 1);
        h.append(new SvgPlot(0, end, false, -1, 1, "time (s)", "correlation")
                .horizontal(0, "#999", null)
                .line(times(c), values(c), "#1f4e99", 1.5, "L/R correlation (100 ms)")
                .render("Correlation over time"));
    }

    private static void qc(StringBuilder h, QcResult q, double seconds) {
        h.append("<h2>Technical QC</h2><table>");
        row(h, "Clipped runs", Integer.toString(q.clippedRuns()));
        row(h, "DC offset", q.dcOffset() == 0 && seconds > 0 ? "none"
                : Figures.of(20 * Math.log10(Math.abs(q.dcOffset())), 1, "dBFS", seconds, 0));
        row(h, "Effective bits", q.effectiveBits() >= 32 ? "float (finer than 32-bit)" : Integer.toString(q.effectiveBits()));
        row(h, "Leading / trailing silence", String.format(Locale.ROOT, "%.2f s / %.2f s", q.leadingSilenceS(), q.trailingSilenceS()));
        h.append("</table>");
    }

    private static double[] times(TimeSeries s) {
        double[] t = new double[s.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = s.timeAt(i);
        }
        return t;
    }

    private static double[] values(TimeSeries s) {
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = s.valueAt(i);
        }
        return v;
    }

    private static void card(StringBuilder h, String big, String label) {
        h.append("<div class=\"card\"><b>").append(Html.escape(big)).append("</b><span>").append(Html.escape(label)).append("</span></div>");
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><th>").append(Html.escape(key)).append("</th><td>").append(Html.escape(value)).append("</td></tr>");
    }

    private static String signed(double v, String unit) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.1f %s", v, unit) : "n/a";
    }
}
