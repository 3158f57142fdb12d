package dev.mixdojo.grading;

import java.util.List;

/**
 * What the mix did to one stem, estimated from the stems and the mix; immutable.
 *
 * @param name      the stem's name
 * @param gainDb    the broadband gain applied to the stem file as given, in dB (for a stereo stem, the
 *                  gain that both channels at unity would read as 0 dB)
 * @param pan       the constant-power position −1 (left) … +1 (right) that best explains the left and right gains
 * @param eqBandsHz centres of the third-octave bands of the EQ estimate, in Hz
 * @param eqGainDb  the stem's gain in each band relative to {@code gainDb}, in dB; NaN where the stem has no energy
 * @param bandLevelDb the stem's level in the mix in each band, in dB on a scale common to all stems of one
 *                  estimate (stem energy times the fitted band gain); NaN where the stem has no energy
 */
public record StemEstimate(String name, double gainDb, double pan, List<Double> eqBandsHz, List<Double> eqGainDb,
        List<Double> bandLevelDb) {

    /** Copies the lists and checks they match. */
    public StemEstimate {
        eqBandsHz = List.copyOf(eqBandsHz);
        eqGainDb = List.copyOf(eqGainDb);
        bandLevelDb = List.copyOf(bandLevelDb);
        if (eqBandsHz.size() != eqGainDb.size() || eqBandsHz.size() != bandLevelDb.size()) {
            throw new IllegalArgumentException("one EQ gain per band expected");
        }
        if (!(pan >= -1 && pan <= 1) && !Double.isNaN(pan)) {
            throw new IllegalArgumentException("pan must be within -1…1, got " + pan);
        }
    }

    /** The stem's absolute gain in band {@code i} (broadband gain plus the EQ gain), in dB. */
    public double bandGainDb(int i) {
        return gainDb + eqGainDb.get(i);
    }
}
