package dev.mixdojo.analysis.dynamics;

import dev.mixdojo.analysis.TimeSeries;
import dev.mixdojo.analysis.spectrum.BandLevels;
import java.util.List;

/**
 * Dynamics of a programme; immutable.
 *
 * @param crestFactorDb highest sample peak over the RMS of all channels, in dB (a sine: 3.01 dB)
 * @param octaveCrestFactorsDb crest factor per octave band of the channel mix, in dB
 * @param plrDb peak-to-loudness ratio: true peak minus integrated loudness, in dB (NaN when silent)
 * @param psrDb peak-to-short-term-loudness ratio every 100 ms: the largest true peak in the last
 *     3 s minus the short-term loudness, in dB
 * @param drScore the TT DR meter score (rounded mean of the channels' DR values), or −1 without a full block
 * @param channelDrDb unrounded DR value per channel, in dB
 * @param histogram short-term loudness histogram
 */
public record DynamicsResult(
        double crestFactorDb,
        BandLevels octaveCrestFactorsDb,
        double plrDb,
        TimeSeries psrDb,
        int drScore,
        List<Double> channelDrDb,
        LoudnessHistogram histogram) {

    /** Copies the per-channel values. */
    public DynamicsResult {
        channelDrDb = List.copyOf(channelDrDb);
    }
}
