package dev.mixdojo.analysis.spectrum;

import java.util.ArrayList;
import java.util.List;

/** Tonal balance: band-by-band differences in dB between a programme and a reference; pure. */
public final class TonalBalance {
    private TonalBalance() {
    }

    /**
     * Programme minus reference per band, in dB; both are already normalised to their own
     * loudness, so a positive value means the programme has more of that band at equal loudness.
     * Bands without energy in either give NaN. When the sample rates differ, only the bands both
     * have (up to the lower Nyquist frequency) are compared.
     */
    public static BandLevels difference(BandLevels programme, BandLevels reference) {
        int common = Math.min(programme.bands().count(), reference.bands().count());
        if (common == 0 || programme.bands().centreHz(0) != reference.bands().centreHz(0)
                || !programme.bands().name().equals(reference.bands().name())) {
            throw new IllegalArgumentException("tonal balance needs both spectra on the same kind of bands");
        }
        List<Double> diff = new ArrayList<>();
        for (int i = 0; i < common; i++) {
            double a = programme.levelDb(i);
            double b = reference.levelDb(i);
            diff.add(Double.isFinite(a) && Double.isFinite(b) ? a - b : Double.NaN);
        }
        return new BandLevels(programme.bands().first(common), diff);
    }

    /**
     * Programme minus target curve per band, in dB, after removing the mean difference over the
     * bands from 100 Hz to 10 kHz: a target curve gives a shape, not an absolute level.
     */
    public static BandLevels against(BandLevels programme, TargetCurve target) {
        FrequencyBands bands = programme.bands();
        double[] raw = new double[bands.count()];
        double sum = 0;
        int count = 0;
        for (int i = 0; i < raw.length; i++) {
            raw[i] = programme.levelDb(i) - target.levelDbAt(bands.centreHz(i));
            if (Double.isFinite(raw[i]) && bands.centreHz(i) >= 100 && bands.centreHz(i) <= 10000) {
                sum += raw[i];
                count++;
            }
        }
        double offset = count == 0 ? 0 : sum / count;
        List<Double> diff = new ArrayList<>();
        for (double r : raw) {
            diff.add(Double.isFinite(r) ? r - offset : Double.NaN);
        }
        return new BandLevels(bands, diff);
    }
}
