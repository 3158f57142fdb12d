package dev.mixdojo.grading;

import java.util.List;

/**
 * One stem's gains in a mix, third-octave band by third-octave band; immutable. NaN where the stem has no energy.
 *
 * @param centresHz  the bands' centre frequencies, in Hz
 * @param gainDb     the power gain from the stem file to the mix in each band, in dB (a stereo stem's two sides
 *                   averaged, so unity on both reads 0 dB)
 * @param gainSigmaDb the least-squares standard error of {@code gainDb} (the fit's residual in the band against the
 *                   stem's share of it), in dB; NaN in the curves of song segments
 * @param levelDb    the stem's level in the mix in each band (stem energy times the band's gain), in dB on a scale
 *                   common to the stems of one estimate; NaN in the curves of song segments
 */
public record BandCurve(List<Double> centresHz, List<Double> gainDb, List<Double> gainSigmaDb, List<Double> levelDb) {

    /** Copies the lists and checks they have one value per band. */
    public BandCurve {
        centresHz = List.copyOf(centresHz);
        gainDb = List.copyOf(gainDb);
        gainSigmaDb = List.copyOf(gainSigmaDb);
        levelDb = List.copyOf(levelDb);
        int n = centresHz.size();
        if (gainDb.size() != n || gainSigmaDb.size() != n || levelDb.size() != n) {
            throw new IllegalArgumentException("one value per band expected");
        }
    }

    /** How many bands. */
    public int bands() {
        return centresHz.size();
    }
}
