package dev.mixdojo.analysis.stereo;

import dev.mixdojo.analysis.TimeSeries;
import dev.mixdojo.analysis.spectrum.BandLevels;
import java.util.Locale;
import java.util.Optional;

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
    /**
     * Channels this far apart (LU) carry a panned mono source rather than the same signal twice: about the
     * smallest interaural level difference an ear notices (0.5–1 dB, Breebaart &amp; Faller).
     */
    public static final double PANNED_BALANCE_LU = 0.5;

    /**
     * What to do about a false-stereo file, in one sentence, or empty when the channels differ. A mono source
     * sent as two equal channels should be a mono file; one panned in the bounce keeps its pan only as stereo,
     * so the advice says so instead of asking for a mono file that would lose it.
     */
    public Optional<String> monoSourceProblem() {
        if (!falseStereo) {
            return Optional.empty();
        }
        if (Math.abs(balanceLu) <= PANNED_BALANCE_LU) {
            return Optional.of("Both channels carry the same signal (false stereo): a mono source sent as stereo; "
                    + "deliver it as a mono file.");
        }
        String side = balanceLu > 0 ? "left" : "right";
        return Optional.of(String.format(Locale.ROOT, "Both channels carry the same signal, %.1f dB louder on the %s: "
                + "a mono source panned %s. Keep it stereo if its pan belongs to the stem; if the mix engineer is to pan "
                + "it, deliver it as a mono file and write the pan in the notes.", Math.abs(balanceLu), side, side));
    }
}
