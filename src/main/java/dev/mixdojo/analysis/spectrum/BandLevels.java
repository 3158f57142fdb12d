package dev.mixdojo.analysis.spectrum;

import java.util.List;

/**
 * One value per band of a band set; immutable. Mostly levels in dB (absolute, relative to
 * programme loudness, or differences); crest factors in dB and correlations (−1…1) use the same
 * shape, as their producers document.
 *
 * @param bands the bands
 * @param levelsDb one value per band (negative infinity for a band without energy, NaN where undefined)
 */
public record BandLevels(FrequencyBands bands, List<Double> levelsDb) {
    /** Copies the levels and checks there is one per band. */
    public BandLevels {
        levelsDb = List.copyOf(levelsDb);
        if (levelsDb.size() != bands.count()) {
            throw new IllegalArgumentException("need one level per band: " + bands.count() + " bands, " + levelsDb.size() + " levels");
        }
    }

    /** The level of band {@code i} in dB. */
    public double levelDb(int i) {
        return levelsDb.get(i);
    }
}
