package dev.mixdojo.grading;

import java.util.List;

/**
 * What the mix did to one stem, estimated from the stems and the mix; immutable.
 *
 * @param name     the stem's name
 * @param channels the stem file's channels: 1 (panned with a constant-power pan) or 2 (a balance control)
 * @param gainDb   the broadband gain applied to the stem file as given, in dB (for a stereo stem, the gain that both
 *                 channels at unity would read as 0 dB)
 * @param pan      the constant-power position −1 (left) … +1 (right) that best explains the left and right gains
 * @param curve    the gains band by band
 * @param spread   the same estimates made on stretches of the song apart, to tell how much they vary
 * @param binPower per band, the stem's power in each bin the band is fitted on (see {@link BandLayout}), which weighs
 *                 the bins in the band's least-squares gain
 */
public record StemEstimate(String name, int channels, double gainDb, double pan, BandCurve curve, Spread spread,
        List<double[]> binPower) {

    /**
     * The pan and band gains fitted on each stretch (segment) of the song alone.
     *
     * @param pans   the pan of each segment
     * @param curves the band gains of each segment
     */
    public record Spread(List<Double> pans, List<BandCurve> curves) {
        /** Copies the lists. */
        public Spread {
            pans = List.copyOf(pans);
            curves = List.copyOf(curves);
        }
    }

    /** Checks the pan; copies the list (the arrays are shared: nobody writes them). */
    public StemEstimate {
        binPower = List.copyOf(binPower);
        if (!(pan >= -1 && pan <= 1) && !Double.isNaN(pan)) {
            throw new IllegalArgumentException("pan must be within -1…1, got " + pan);
        }
    }

    /** The centres of the third-octave bands of the EQ estimate, in Hz. */
    public List<Double> eqBandsHz() {
        return curve.centresHz();
    }

    /** The stem's gain in each band relative to {@link #gainDb}, in dB; NaN where the stem has no energy. */
    public List<Double> eqGainDb() {
        return curve.gainDb().stream().map(g -> g - gainDb).toList();
    }

    /** The stem's absolute gain in band {@code i} (broadband gain plus the EQ gain), in dB. */
    public double bandGainDb(int i) {
        return curve.gainDb().get(i);
    }

    /** The stem's level in the mix in each band, in dB on a scale common to all stems of one estimate. */
    public List<Double> bandLevelDb() {
        return curve.levelDb();
    }
}
