package dev.mixdojo.analysis.spectrum;

import java.util.List;

/**
 * A tonal-balance target: levels in dB at frequencies in Hz, interpolated linearly over
 * log-frequency and held flat beyond the ends; immutable. Only its shape matters (see
 * {@link TonalBalance#against(BandLevels, TargetCurve)}).
 *
 * @param frequenciesHz strictly increasing frequencies in Hz
 * @param levelsDb one level per frequency, in dB
 */
public record TargetCurve(List<Double> frequenciesHz, List<Double> levelsDb) {
    /** Copies the points and checks that frequencies are positive and increasing. */
    public TargetCurve {
        frequenciesHz = List.copyOf(frequenciesHz);
        levelsDb = List.copyOf(levelsDb);
        if (frequenciesHz.isEmpty() || frequenciesHz.size() != levelsDb.size()) {
            throw new IllegalArgumentException("a target curve needs one level per frequency, at least one point");
        }
        for (int i = 0; i < frequenciesHz.size(); i++) {
            if (!(frequenciesHz.get(i) > 0) || (i > 0 && frequenciesHz.get(i) <= frequenciesHz.get(i - 1))) {
                throw new IllegalArgumentException("target frequencies must be positive and increasing");
            }
        }
    }

    /** A straight line of the given slope in dB per octave through 0 dB at 1 kHz (0 is flat, like pink noise in fractional-octave bands). */
    public static TargetCurve slope(double dbPerOctave) {
        return new TargetCurve(List.of(20.0, 1000.0, 20000.0),
                List.of(dbPerOctave * Math.log(20 / 1000.0) / Math.log(2), 0.0, dbPerOctave * Math.log(20) / Math.log(2)));
    }

    /** The target level at a frequency, in dB. */
    public double levelDbAt(double frequencyHz) {
        int n = frequenciesHz.size();
        if (frequencyHz <= frequenciesHz.get(0)) {
            return levelsDb.get(0);
        }
        for (int i = 1; i < n; i++) {
            double f1 = frequenciesHz.get(i);
            if (frequencyHz <= f1) {
                double f0 = frequenciesHz.get(i - 1);
                double t = Math.log(frequencyHz / f0) / Math.log(f1 / f0);
                return levelsDb.get(i - 1) + t * (levelsDb.get(i) - levelsDb.get(i - 1));
            }
        }
        return levelsDb.get(n - 1);
    }
}
