package dev.mixdojo.exercise;

import dev.mixdojo.analysis.spectrum.FrequencyBands;
import dev.mixdojo.analysis.spectrum.WelchAnalyzer;
import dev.mixdojo.analysis.spectrum.WelchSpectra;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.material.CatalogEntry;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * What a machine listener hears in a balance question on stems: the difference of the two
 * versions, which (both versions sharing one gain) is the changed stem's change alone, and whose
 * octave-band spectrum (the analysis package's Welch analyzer) names the stem when set against the
 * material catalog's profile of each offered stem — as a listener who knows the song's instruments
 * would.
 */
final class StemListener {
    private static final FrequencyBands OCTAVES = FrequencyBands.fractionalOctave(1, 60, 16000);
    /** Bands further down than this (dB re total) all count as empty. */
    private static final double FLOOR_DB = -50;

    private final AudioBuffer original;
    private final AudioBuffer difference;

    StemListener(Question question) {
        original = question.audio().get("original");
        AudioBuffer processed = question.audio().get("processed");
        float[][] channels = new float[original.channelCount()][];
        for (int c = 0; c < channels.length; c++) {
            channels[c] = new float[original.frames()];
            for (int i = 0; i < original.frames(); i++) {
                channels[c][i] = processed.channel(c)[i] - original.channel(c)[i];
            }
        }
        difference = new AudioBuffer(channels, original.sampleRateHz());
    }

    /** A solver for the kinds that ask which stem changed, on the song whose catalog entry is {@code catalog}. */
    static Function<Question, Answer> whichStem(CatalogEntry catalog) {
        return question -> new Answer.Chosen(new StemListener(question).changedStem(question, catalog));
    }

    /** The offered stem whose catalog octave profile is nearest (least squares in dB) to the difference's. */
    String changedStem(Question question, CatalogEntry catalog) {
        double[] heard = octaveProfileDb(difference);
        List<String> offered = ((AnswerForm.Choice) question.form()).options().stream().map(AnswerForm.Option::label).toList();
        return offered.stream().min(Comparator.comparingDouble(name -> {
            CatalogEntry.StemInfo stem = catalog.stems().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
            double distance = 0;
            for (int b = 0; b < heard.length; b++) {
                double d = Math.max(FLOOR_DB, heard[b]) - Math.max(FLOOR_DB, stem.bandEnergyDb().get(b));
                distance += d * d;
            }
            return distance;
        })).orElseThrow();
    }

    /**
     * The changed stem's gain change in dB, from the difference d = (g − 1)·s alone: the original
     * holds s plus stems uncorrelated with it, so ⟨d, original⟩ ≈ (g − 1)·|s|² and
     * |d|² / ⟨d, original⟩ ≈ g − 1.
     */
    double gainChangeDb() {
        double dd = 0;
        double dOriginal = 0;
        for (int c = 0; c < original.channelCount(); c++) {
            float[] d = difference.channel(c);
            float[] o = original.channel(c);
            for (int i = 0; i < d.length; i++) {
                dd += (double) d[i] * d[i];
                dOriginal += (double) d[i] * o[i];
            }
        }
        return 20 * Math.log10(1 + dd / dOriginal);
    }

    private static double[] octaveProfileDb(AudioBuffer audio) {
        WelchAnalyzer analyzer = new WelchAnalyzer(audio.sampleRateHz(), audio.channelCount());
        analyzer.accept(audio.channels(), audio.frames());
        WelchSpectra spectra = analyzer.spectra();
        double[] power = spectra.totalPower();
        double total = java.util.Arrays.stream(power).sum();
        return java.util.Arrays.stream(OCTAVES.sum(power, spectra.binHz())).map(p -> 10 * Math.log10(p / total)).toArray();
    }
}
