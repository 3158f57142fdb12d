package dev.mixdojo.exercise;

import dev.mixdojo.analysis.spectrum.WelchAnalyzer;
import dev.mixdojo.analysis.spectrum.WelchSpectra;
import dev.mixdojo.audio.AudioBuffer;
import java.util.stream.DoubleStream;

/**
 * What a machine listener hears: the long-term spectra of the two versions of a question,
 * measured with the analysis package only (never the answer key).
 */
final class Listener {
    private final double[] original;
    private final double[] processed;
    private final double binHz;

    Listener(Question question) {
        WelchSpectra a = spectra(question.audio().get("original"));
        WelchSpectra b = spectra(question.audio().get("processed"));
        original = a.totalPower();
        processed = b.totalPower();
        binHz = a.binHz();
    }

    /** How much louder (dB) the processed version is than the original between two frequencies. */
    double differenceDb(double lowHz, double highHz) {
        double a = 0;
        double b = 0;
        // At least the bin nearest the band's centre, for bands narrower than a bin.
        int first = Math.max(1, (int) Math.ceil(lowHz / binHz));
        int last = Math.max(first, Math.min(original.length - 1, (int) Math.floor(highHz / binHz)));
        for (int bin = first; bin <= last; bin++) {
            a += original[bin];
            b += processed[bin];
        }
        return 10 * Math.log10(b / a);
    }

    /** The difference in a band one third of an octave wide around a frequency. */
    double differenceAtDb(double frequencyHz) {
        return differenceDb(frequencyHz * Math.pow(2, -1.0 / 6), frequencyHz * Math.pow(2, 1.0 / 6));
    }

    /** The difference in a band a twelfth of an octave wide around a frequency: fine enough to see a narrow bell's width. */
    double fineDifferenceAtDb(double frequencyHz) {
        return differenceDb(frequencyHz * Math.pow(2, -1.0 / 24), frequencyHz * Math.pow(2, 1.0 / 24));
    }

    /**
     * The median of the third-octave differences from 100 Hz to 10 kHz: where a loudness-matched
     * version sits outside the change, so that differences minus it show the change itself.
     */
    double medianDifferenceDb() {
        double[] differences = DoubleStream.iterate(100, f -> f <= 10_000, f -> f * Math.pow(2, 1.0 / 3))
                .map(this::differenceAtDb).sorted().toArray();
        return differences[differences.length / 2];
    }

    private static WelchSpectra spectra(AudioBuffer audio) {
        WelchAnalyzer analyzer = new WelchAnalyzer(audio.sampleRateHz(), audio.channelCount());
        analyzer.accept(audio.channels(), audio.frames());
        return analyzer.spectra();
    }
}
