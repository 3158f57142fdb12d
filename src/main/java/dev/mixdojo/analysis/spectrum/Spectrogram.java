package dev.mixdojo.analysis.spectrum;

/**
 * Band levels over time for display: {@code levelDb(column, band)} is the mean-square level in
 * dBFS of the programme (channels summed) in a column of {@code columnStepS} seconds, on
 * sixth-octave bands; at most a fixed number of columns however long the programme. Immutable.
 */
public final class Spectrogram {
    private final FrequencyBands bands;
    private final double columnStepS;
    private final float[][] levelsDb;

    Spectrogram(FrequencyBands bands, double columnStepS, float[][] levelsDb) {
        this.bands = bands;
        this.columnStepS = columnStepS;
        this.levelsDb = levelsDb;
    }

    /** The frequency bands (rows). */
    public FrequencyBands bands() {
        return bands;
    }

    /** Seconds covered by each column. */
    public double columnStepS() {
        return columnStepS;
    }

    /** Number of columns (time steps). */
    public int columns() {
        return levelsDb.length;
    }

    /** Level of one band in one column in dBFS (negative infinity for silence). */
    public double levelDb(int column, int band) {
        return levelsDb[column][band];
    }
}
