package dev.mixdojo.analysis.spectrum;

import java.util.ArrayList;
import java.util.List;

/**
 * Long-term average spectrum of a programme in third-octave, sixth-octave and ERB bands, each
 * band's mean-square level (channels summed) in dB relative to the programme's integrated
 * loudness, so spectra of programmes at different levels compare directly; plus a spectrogram.
 * Immutable.
 *
 * @param thirdOctave third-octave band levels, dB re programme loudness
 * @param sixthOctave sixth-octave band levels, dB re programme loudness
 * @param erb ERB band levels, dB re programme loudness
 * @param normalisedToLufs the loudness subtracted from every band level (0 when the programme is silent)
 * @param spectrogram band levels over time in dBFS (not normalised)
 * @param fftSize Welch frame length in samples
 */
public record SpectrumResult(
        BandLevels thirdOctave, BandLevels sixthOctave, BandLevels erb, double normalisedToLufs,
        Spectrogram spectrogram, int fftSize) {

    /** Builds the band levels from Welch spectra, normalised to the given integrated loudness. */
    public static SpectrumResult of(WelchSpectra spectra, Spectrogram spectrogram, int fftSize,
            double integratedLufs, double sampleRateHz) {
        double reference = Double.isFinite(integratedLufs) ? integratedLufs : 0;
        double nyquist = sampleRateHz / 2;
        double[] power = spectra.totalPower();
        return new SpectrumResult(
                levels(FrequencyBands.thirdOctaves(nyquist), power, spectra.binHz(), reference),
                levels(FrequencyBands.sixthOctaves(nyquist), power, spectra.binHz(), reference),
                levels(FrequencyBands.erb(nyquist), power, spectra.binHz(), reference),
                reference, spectrogram, fftSize);
    }

    private static BandLevels levels(FrequencyBands bands, double[] power, double binHz, double referenceDb) {
        double[] sums = bands.sum(power, binHz);
        List<Double> levels = new ArrayList<>(sums.length);
        for (double s : sums) {
            levels.add(s > 0 ? 10 * Math.log10(s) - referenceDb : Double.NEGATIVE_INFINITY);
        }
        return new BandLevels(bands, levels);
    }
}
