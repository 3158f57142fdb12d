package dev.mixdojo.analysis.spectrum;

import java.util.List;

/**
 * One level in dB per band of a band set (absolute, relative to programme loudness, or a
 * difference, as the producer documents); immutable.
 *
 * @param bands the bands
 * @param levelsDb one level per band, in dB (negative infinity for a band without energy)
 */
public record BandLevels(FrequencyBands bands, List<Double> levelsDb) {
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
