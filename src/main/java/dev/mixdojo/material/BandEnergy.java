package dev.mixdojo.material;

import dev.mixdojo.analysis.spectrum.FrequencyBands;
import dev.mixdojo.analysis.spectrum.WelchAnalyzer;
import dev.mixdojo.analysis.spectrum.WelchSpectra;
import dev.mixdojo.audio.AudioBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Energy per octave band (IEC 61260 base-2 centres 62.5 Hz … 16 kHz, labelled 63 Hz … 16k) in
 * dB relative to the whole signal's energy, from the analysis package's Welch spectrum summed
 * over all channels. Lets a drill avoid asking about a band a stem has no energy in.
 * Stateless and thread-safe.
 */
public final class BandEnergy {
    /** The octave bands the catalog reports. */
    private static final FrequencyBands OCTAVES = FrequencyBands.fractionalOctave(1, 60, 16000);
    /** Exact octave centres (1 kHz · 2^k), labelled 63 Hz … 16 kHz. */
    public static final List<Double> CENTRES_HZ = java.util.Arrays.stream(OCTAVES.centresHz()).boxed().toList();
    /** The floor reported for a band with no energy, in dB. */
    public static final double FLOOR_DB = -120;

    private BandEnergy() {
    }

    /** The energy of each octave band of all channels together, dB relative to the total (silence: all {@link #FLOOR_DB}). */
    public static List<Double> octaveBandsDb(AudioBuffer audio) {
        WelchAnalyzer analyzer = new WelchAnalyzer(audio.sampleRateHz(), audio.channelCount());
        analyzer.accept(audio.channels(), audio.frames());
        WelchSpectra spectra = analyzer.spectra();
        double[] power = spectra.totalPower();
        double total = 0;
        for (double p : power) {
            total += p;
        }
        List<Double> bands = new ArrayList<>();
        for (double band : OCTAVES.sum(power, spectra.binHz())) {
            bands.add(total <= 0 || band <= 0 ? FLOOR_DB : Math.max(FLOOR_DB, 10 * Math.log10(band / total)));
        }
        return List.copyOf(bands);
    }
}
