package dev.mixdojo.analysis.report;

import dev.mixdojo.analysis.TimeSeries;
import dev.mixdojo.analysis.dynamics.DynamicsResult;
import dev.mixdojo.analysis.loudness.LoudnessResult;
import dev.mixdojo.analysis.qc.QcResult;
import dev.mixdojo.analysis.spectrum.BandLevels;
import dev.mixdojo.analysis.spectrum.Spectrogram;
import dev.mixdojo.analysis.spectrum.SpectrumResult;
import dev.mixdojo.analysis.stereo.StereoResult;
import java.util.List;

/**
 * The analysis as JSON with the stable keys documented in {@code docs/analysis-report.md}
 * (levels in the units their names end with; null for values that do not exist); pure.
 */
public final class JsonReport {
    /** Most points written per time series (longer series keep the maximum of each run). */
    static final int MAX_SERIES_POINTS = 1000;

    private JsonReport() {
    }

    /** The report as a JSON document. */
    public static String render(ProgrammeAnalysis a) {
        JsonWriter w = new JsonWriter();
        programme(w, a);
        return w + "\n";
    }

    /**
     * The report of several files: {@code files} holds one object per file in the order given (the
     * report of one file, or {@code file} and {@code problem} for a file that could not be read),
     * {@code unreadableFiles} counts the latter, and {@code album} the measures of the files together.
     */
    public static String render(BatchAnalysis batch) {
        JsonWriter w = new JsonWriter();
        w.beginObject();
        w.key("files").beginArray();
        for (BatchAnalysis.Entry entry : batch.entries()) {
            if (entry instanceof BatchAnalysis.Measured m) {
                programme(w, m.analysis());
            } else if (entry instanceof BatchAnalysis.Unreadable u) {
                w.beginObject();
                w.key("file").value(u.file());
                w.key("problem").value(u.problem());
                w.endObject();
            }
        }
        w.endArray();
        w.key("unreadableFiles").value((int) batch.entries().stream().filter(BatchAnalysis.Unreadable.class::isInstance).count());
        batch.album().ifPresent(album -> album(w, album, batch.measured()));
        w.endObject();
        return w + "\n";
    }

    private static void album(JsonWriter w, AlbumAnalysis album, List<ProgrammeAnalysis> tracks) {
        w.key("album").beginObject();
        w.key("tracks").value(album.trackCount());
        w.key("integratedLufs").value(album.integratedLufs(), 2);
        w.key("loudnessRangeLu").value(album.loudnessRangeLu(), 2);
        w.key("truePeakDbtp").value(album.truePeakDbtp(), 2);
        AlbumAnalysis.Spread loudness = album.integratedLufsSpread();
        extreme(w, "quietest", loudness.lowestFile(), "integratedLufs", loudness.lowest());
        extreme(w, "loudest", loudness.highestFile(), "integratedLufs", loudness.highest());
        w.key("integratedSpreadLu").value(loudness.range(), 2);
        AlbumAnalysis.Spread plr = album.plrDbSpread();
        extreme(w, "lowestPlr", plr.lowestFile(), "plrDb", plr.lowest());
        extreme(w, "highestPlr", plr.highestFile(), "plrDb", plr.highest());
        w.key("plrSpreadDb").value(plr.range(), 2);
        album.tonalBalance().ifPresent(tonal -> {
            w.key("tonalBalance").beginObject();
            w.key("bands").value(tonal.meanDb().bands().name());
            numbers(w, "bandsHz", tonal.meanDb().bands().centresHz(), 1);
            levels(w, "meanDb", tonal.meanDb(), 2);
            levels(w, "rangeDb", tonal.rangeDb(), 2);
            w.key("deviations").beginArray();
            for (ProgrammeAnalysis track : tracks) {
                w.beginObject();
                w.key("file").value(track.file());
                w.key("deviationDb").value(tonal.deviationDb(track.spectrum().orElseThrow().thirdOctave()), 2);
                w.endObject();
            }
            w.endArray();
            w.endObject();
        });
        w.endObject();
    }

    private static void extreme(JsonWriter w, String key, String file, String valueKey, double value) {
        w.key(key).beginObject();
        w.key("file").value(file);
        w.key(valueKey).value(value, 2);
        w.endObject();
    }

    private static void programme(JsonWriter w, ProgrammeAnalysis a) {
        w.beginObject();
        w.key("file").value(a.file());
        w.key("sampleRate").value(a.sampleRateHz());
        w.key("channels").value(a.channelCount());
        w.key("durationS").value(a.durationS(), 3);
        w.key("measuredAsMono").value(a.channelCount() == 1);
        w.key("analyses").beginArray();
        for (ReportSection section : ReportSection.values()) {
            if (a.sections().contains(section)) {
                w.value(section.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        w.endArray();
        strings(w, "notes", a.notes());
        a.loudness().ifPresent(l -> loudness(w, l));
        a.spectrum().ifPresent(s -> spectrum(w, s));
        a.dynamics().ifPresent(d -> dynamics(w, d));
        a.stereo().ifPresent(s -> stereo(w, s));
        a.qc().ifPresent(q -> qc(w, q));
        strings(w, "problems", a.problems());
        a.comparison().ifPresent(c -> {
            w.key("comparison").beginObject();
            w.key("referenceFile").value(c.referenceFile());
            w.key("integratedDifferenceLu").value(c.integratedDifferenceLu(), 2);
            w.key("loudnessRangeDifferenceLu").value(c.loudnessRangeDifferenceLu(), 2);
            w.key("truePeakDifferenceDb").value(c.truePeakDifferenceDb(), 2);
            w.key("plrDifferenceDb").value(c.plrDifferenceDb(), 2);
            w.key("widthRatioDifference").value(c.widthRatioDifference(), 3);
            if (c.tonalBalanceDb() != null) {
                bands(w, "tonalBalance", c.tonalBalanceDb(), "differencesDb", 2);
            }
            w.endObject();
        });
        w.endObject();
    }

    private static void loudness(JsonWriter w, LoudnessResult l) {
        w.key("loudness").beginObject();
        w.key("integratedLufs").value(l.integratedLufs(), 2);
        w.key("loudnessRangeLu").value(l.loudnessRangeLu(), 2);
        w.key("truePeakDbtp").value(l.truePeakDbtp(), 2);
        w.key("samplePeakDbfs").value(l.samplePeakDbfs(), 2);
        w.key("maxMomentaryLufs").value(l.maxMomentaryLufs(), 2);
        w.key("maxShortTermLufs").value(l.maxShortTermLufs(), 2);
        w.key("channelTruePeaksDbtp").beginArray();
        for (double p : l.channelTruePeaksDbtp()) {
            w.value(p, 2);
        }
        w.endArray();
        w.key("truePeakOversampling").value(l.truePeakMeasured() ? 8 : 1);
        w.key("gridStepS").value(l.momentaryLufs().stepS(), 4);
        series(w, "momentaryLufs", l.momentaryLufs(), false);
        series(w, "shortTermLufs", l.shortTermLufs(), false);
        w.endObject();
    }

    private static void spectrum(JsonWriter w, SpectrumResult s) {
        w.key("spectrum").beginObject();
        w.key("bands").value(s.thirdOctave().bands().name());
        numbers(w, "bandsHz", s.thirdOctave().bands().centresHz(), 1);
        levels(w, "levelsDb", s.thirdOctave(), 2);
        w.key("normalisedToLufs").value(s.normalisedToLufs(), 2);
        w.key("fftSize").value(s.fftSize());
        bands(w, "sixthOctave", s.sixthOctave(), "levelsDb", 2);
        bands(w, "erb", s.erb(), "levelsDb", 2);
        Spectrogram g = s.spectrogram();
        w.key("spectrogram").beginObject();
        numbers(w, "bandsHz", g.bands().centresHz(), 1);
        w.key("columnStepS").value(g.columnStepS(), 4);
        w.key("levelsDb").beginArray();
        for (int c = 0; c < g.columns(); c++) {
            w.beginArray();
            for (int b = 0; b < g.bands().count(); b++) {
                w.value(g.levelDb(c, b), 1);
            }
            w.endArray();
        }
        w.endArray();
        w.endObject();
        w.endObject();
    }

    private static void dynamics(JsonWriter w, DynamicsResult d) {
        w.key("dynamics").beginObject();
        w.key("crestFactorDb").value(d.crestFactorDb(), 2);
        w.key("plrDb").value(d.plrDb(), 2);
        if (d.drScore() < 0) {
            w.key("drScore").value(Double.NaN, 0);
        } else {
            w.key("drScore").value(d.drScore());
        }
        w.key("channelDrDb").beginArray();
        for (double v : d.channelDrDb()) {
            w.value(v, 2);
        }
        w.endArray();
        bands(w, "octaveCrestFactors", d.octaveCrestFactorsDb(), "crestFactorsDb", 2);
        series(w, "psrDb", d.psrDb(), true);
        w.key("shortTermHistogram").beginObject();
        w.key("lowestLufs").value(d.histogram().lowestLufs(), 1);
        w.key("binLu").value(d.histogram().binLu(), 1);
        w.key("counts").beginArray();
        for (int c : d.histogram().counts()) {
            w.value(c);
        }
        w.endArray();
        w.endObject();
        w.endObject();
    }

    private static void stereo(JsonWriter w, StereoResult s) {
        w.key("stereo").beginObject();
        w.key("correlation").value(s.correlation(), 3);
        w.key("widthRatio").value(s.widthRatio(), 3);
        w.key("balanceLu").value(s.balanceLu(), 2);
        w.key("monoLossLu").value(s.monoLossLu(), 2);
        w.key("lowFrequencyWidthRatio").value(s.lowFrequencyWidthRatio(), 3);
        w.key("falseStereo").value(s.falseStereo());
        bands(w, "bandCorrelation", s.bandCorrelation(), "correlations", 3);
        series(w, "correlationOverTime", s.correlationOverTime(), true);
        w.endObject();
    }

    private static void qc(JsonWriter w, QcResult q) {
        w.key("qc").beginObject();
        w.key("clippedRuns").value(q.clippedRuns());
        w.key("clippedSamples").value(q.clippedSamples());
        w.key("firstClipTimesS").beginArray();
        for (double t : q.firstClipTimesS()) {
            w.value(t, 4);
        }
        w.endArray();
        w.key("dcOffset").value(q.dcOffset(), 6);
        w.key("effectiveBits").value(q.effectiveBits());
        w.key("leadingSilenceS").value(q.leadingSilenceS(), 3);
        w.key("trailingSilenceS").value(q.trailingSilenceS(), 3);
        strings(w, "problems", q.problems());
        w.endObject();
    }

    private static void series(JsonWriter w, String key, TimeSeries series, boolean average) {
        TimeSeries s = series.decimated(MAX_SERIES_POINTS, average);
        w.key(key).beginObject();
        w.key("startS").value(s.startS(), 3);
        w.key("stepS").value(s.stepS(), 4);
        w.key("values").beginArray();
        for (int i = 0; i < s.size(); i++) {
            w.value(s.valueAt(i), 2);
        }
        w.endArray();
        w.endObject();
    }

    private static void bands(JsonWriter w, String key, BandLevels levels, String valuesKey, int decimals) {
        w.key(key).beginObject();
        w.key("bands").value(levels.bands().name());
        numbers(w, "bandsHz", levels.bands().centresHz(), 1);
        levels(w, valuesKey, levels, decimals);
        w.endObject();
    }

    private static void levels(JsonWriter w, String key, BandLevels levels, int decimals) {
        w.key(key).beginArray();
        for (double v : levels.levelsDb()) {
            w.value(v, decimals);
        }
        w.endArray();
    }

    private static void numbers(JsonWriter w, String key, double[] values, int decimals) {
        w.key(key).beginArray();
        for (double v : values) {
            w.value(v, decimals);
        }
        w.endArray();
    }

    private static void strings(JsonWriter w, String key, List<String> values) {
        w.key(key).beginArray();
        for (String s : values) {
            w.value(s);
        }
        w.endArray();
    }
}
