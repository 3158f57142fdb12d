package dev.mixdojo.analysis.loudness;

import dev.mixdojo.analysis.TimeSeries;
import java.util.List;

/**
 * Loudness of a programme (ITU-R BS.1770-4, EBU R128 / Tech 3341 / Tech 3342); immutable.
 * Levels that do not exist (silence, a programme shorter than one block) are negative infinity;
 * a loudness range that cannot be computed is NaN.
 *
 * @param integratedLufs gated programme loudness in LUFS (absolute gate −70 LUFS, relative −10 LU)
 * @param loudnessRangeLu EBU Tech 3342 loudness range in LU
 * @param truePeakDbtp larger of the true peak and the sample peak over all channels, in dBTP
 *     (equal to the sample peak when true peak was not measured)
 * @param samplePeakDbfs largest absolute sample over all channels, in dBFS
 * @param maxMomentaryLufs largest momentary (400 ms) loudness on the meter grid, in LUFS
 * @param maxShortTermLufs largest short-term (3 s) loudness on the meter grid, in LUFS
 * @param channelTruePeaksDbtp per channel, larger of true and sample peak, in dBTP
 * @param momentaryLufs momentary loudness on the meter grid (≤ 10 ms), windows that fit in the programme
 * @param shortTermLufs short-term loudness on the same grid
 * @param peakDbtp per 100 ms step, the largest (true, when measured) peak of that step, in dBTP
 * @param truePeakMeasured whether the 8× oversampled true peak was measured
 * @param channelCount channels measured (a mono file is measured as one channel)
 * @param durationS programme duration in seconds
 * @param gatingBlocks the blocks the integrated loudness and the range were gated from (for album measurements)
 */
public record LoudnessResult(
        double integratedLufs,
        double loudnessRangeLu,
        double truePeakDbtp,
        double samplePeakDbfs,
        double maxMomentaryLufs,
        double maxShortTermLufs,
        List<Double> channelTruePeaksDbtp,
        TimeSeries momentaryLufs,
        TimeSeries shortTermLufs,
        TimeSeries peakDbtp,
        boolean truePeakMeasured,
        int channelCount,
        double durationS,
        GatingBlocks gatingBlocks) {

    /** Copies the channel peaks and checks the channel count. */
    public LoudnessResult {
        channelTruePeaksDbtp = List.copyOf(channelTruePeaksDbtp);
        if (channelCount < 1) {
            throw new IllegalArgumentException("channel count must be at least 1");
        }
    }

    /** Whether the programme was measured as one channel (it reads 3.01 LU below the same signal on two channels). */
    public boolean measuredAsMono() {
        return channelCount == 1;
    }

    /** Peak-to-loudness ratio: true peak minus integrated loudness, in dB (NaN when either is missing). */
    public double plrDb() {
        return Double.isFinite(truePeakDbtp) && Double.isFinite(integratedLufs) ? truePeakDbtp - integratedLufs : Double.NaN;
    }
}
