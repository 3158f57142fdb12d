package dev.mixdojo.analysis.stereo;

import dev.mixdojo.analysis.TimeSeries;
import dev.mixdojo.analysis.spectrum.BandLevels;

/**
 * Stereo image of a two-channel programme; immutable.
 *
 * @param correlation Pearson correlation of left and right over the whole programme, −1…1 (NaN if a channel is silent)
 * @param widthRatio side energy over mid energy (M = (L+R)/2, S = (L−R)/2): 0 mono, 1 wide, ∞ out of phase
 * @param balanceLu loudness of left minus loudness of right (K-weighted, ungated), in LU; positive leans left
 * @param monoLossLu stereo loudness minus the loudness of the mono fold-down (L+R)/2 on both channels, in LU; positive means quieter in mono
 * @param lowFrequencyWidthRatio side over mid energy below {@value StereoAnalyzer#LOW_FREQUENCY_LIMIT_HZ} Hz (NaN without low-frequency energy)
 * @param falseStereo whether both channels carry the same signal (correlation ≥ 0.9995 over the non-silent 100 ms frames)
 * @param bandCorrelation correlation per octave band, from the Welch cross spectrum (stored in the level list, −1…1)
 * @param correlationOverTime correlation per 100 ms frame (NaN for silent frames)
 */
public record StereoResult(
        double correlation,
        double widthRatio,
        double balanceLu,
        double monoLossLu,
        double lowFrequencyWidthRatio,
        boolean falseStereo,
        BandLevels bandCorrelation,
        TimeSeries correlationOverTime) {
}
