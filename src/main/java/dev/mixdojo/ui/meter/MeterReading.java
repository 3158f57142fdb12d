package dev.mixdojo.ui.meter;

import dev.mixdojo.analysis.Levels;
import dev.mixdojo.analysis.loudness.LoudnessMeter;
import dev.mixdojo.analysis.spectrum.FrequencyBands;
import dev.mixdojo.analysis.spectrum.WelchAnalyzer;
import dev.mixdojo.analysis.stereo.StereoAnalyzer;
import dev.mixdojo.audio.AudioBuffer;
import java.util.Arrays;

/**
 * What the meters show for the audio just before the playhead: momentary (400 ms) and short-term
 * (3 s) loudness in LUFS (BS.1770; negative infinity before a whole window has played), the
 * sample peak of the last 100 ms in dBFS, the left/right correlation of the last 400 ms (−1…1,
 * NaN for mono or silence), and the third-octave spectrum of the last 400 ms in dBFS per band.
 * Immutable (the arrays are copied out).
 */
public record MeterReading(double momentaryLufs, double shortTermLufs, double peakDbfs, double correlation,
        double[] bandCentresHz, double[] bandLevelsDb) {

    /** Window of momentary loudness, in seconds (EBU Tech 3341). */
    static final double MOMENTARY_S = 0.4;
    /** Window of short-term loudness, in seconds (EBU Tech 3341). */
    static final double SHORT_TERM_S = 3.0;
    /** Window of the peak meter, in seconds. */
    static final double PEAK_S = 0.1;

    public MeterReading {
        bandCentresHz = bandCentresHz.clone();
        bandLevelsDb = bandLevelsDb.clone();
        if (bandCentresHz.length != bandLevelsDb.length) {
            throw new IllegalArgumentException("one level per band centre");
        }
    }

    @Override
    public double[] bandCentresHz() {
        return bandCentresHz.clone();
    }

    @Override
    public double[] bandLevelsDb() {
        return bandLevelsDb.clone();
    }

    /**
     * Measures {@code audio} in the windows that end at {@code endS} seconds, with the project's
     * analysis (never on the audio thread: it allocates and takes a few milliseconds).
     */
    public static MeterReading measure(AudioBuffer audio, double endS) {
        int rate = audio.sampleRateHz();
        int end = (int) Math.max(0, Math.min(audio.frames(), Math.round(endS * rate)));
        float[][] momentary = slice(audio, end, MOMENTARY_S);
        float[][] peak = slice(audio, end, PEAK_S);

        double peakAmplitude = 0;
        for (float[] channel : peak) {
            for (float sample : channel) {
                peakAmplitude = Math.max(peakAmplitude, Math.abs(sample));
            }
        }
        WelchAnalyzer welch = new WelchAnalyzer(rate, audio.channelCount());
        welch.accept(momentary, momentary[0].length);
        var spectra = welch.spectra();
        double correlation = Double.NaN;
        if (audio.channelCount() >= 2 && momentary[0].length > 0) {
            StereoAnalyzer stereo = new StereoAnalyzer(rate);
            stereo.accept(momentary, momentary[0].length);
            correlation = stereo.result(spectra).correlation();
        }
        FrequencyBands bands = FrequencyBands.thirdOctaves(rate / 2.0);
        double[] bandPower = momentary[0].length == 0 ? new double[bands.count()] : bands.sum(spectra.totalPower(), spectra.binHz());
        double[] bandDb = Arrays.stream(bandPower).map(Levels::powerToDb).toArray();
        return new MeterReading(loudness(audio, end, MOMENTARY_S, true), loudness(audio, end, SHORT_TERM_S, false),
                Levels.amplitudeToDb(peakAmplitude), correlation, bands.centresHz(), bandDb);
    }

    /** Loudness of the one window of {@code windowS} ending at {@code end}; −∞ when that much has not played. */
    private static double loudness(AudioBuffer audio, int end, double windowS, boolean momentary) {
        float[][] window = slice(audio, end, windowS);
        if (window[0].length < Math.round(windowS * audio.sampleRateHz())) {
            return Double.NEGATIVE_INFINITY;
        }
        LoudnessMeter meter = new LoudnessMeter(audio.sampleRateHz(), audio.channelCount(), false);
        meter.accept(window, window[0].length);
        var result = meter.result();
        return momentary ? result.maxMomentaryLufs() : result.maxShortTermLufs();
    }

    private static float[][] slice(AudioBuffer audio, int end, double seconds) {
        int start = (int) Math.max(0, end - Math.round(seconds * audio.sampleRateHz()));
        float[][] out = new float[audio.channelCount()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = Arrays.copyOfRange(audio.channel(c), start, end);
        }
        return out;
    }
}
