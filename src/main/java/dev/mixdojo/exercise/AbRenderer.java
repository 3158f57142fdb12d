package dev.mixdojo.exercise;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.analysis.loudness.LoudnessMeter;
import dev.mixdojo.analysis.loudness.LoudnessResult;

/**
 * Makes an honest A/B pair: the processed version's integrated loudness (BS.1770) matched to the
 * original's unless level is what is asked, an optional rove of the playback level applied to
 * both alike, then one common gain so that neither version's true peak exceeds −1 dBTP.
 */
public final class AbRenderer {
    /** The highest true peak either version may reach, in dBTP. */
    public static final double TRUE_PEAK_CEILING_DBTP = -1.0;

    private AbRenderer() {
    }

    /**
     * The pair to play.
     *
     * @param matchLoudness whether to match the processed version's loudness to the original's
     * @param roveDb        a level offset applied to both versions (0 for none; ±1–2 dB hides absolute level)
     */
    public static AbPair render(AudioBuffer original, AudioBuffer processed, boolean matchLoudness, double roveDb) {
        // One measuring pass per version: a gain shifts true peak by exactly that gain in dB, so the
        // peaks after matching and roving follow from the peaks before (the oversampling filter is linear).
        LoudnessResult originalResult = measure(original, true);
        LoudnessResult processedResult = measure(processed, true);
        double matchGainDb = 0;
        if (matchLoudness) {
            double originalLufs = originalResult.integratedLufs();
            double processedLufs = processedResult.integratedLufs();
            if (Double.isFinite(originalLufs) && Double.isFinite(processedLufs)) {
                matchGainDb = originalLufs - processedLufs;
            }
        }
        double peak = Math.max(originalResult.truePeakDbtp() + roveDb, processedResult.truePeakDbtp() + roveDb + matchGainDb);
        double trimDb = peak > TRUE_PEAK_CEILING_DBTP ? TRUE_PEAK_CEILING_DBTP - peak : 0;
        // Rove, match and trim are one gain per version: one pass and one copy each.
        return new AbPair(scaled(original, roveDb + trimDb), scaled(processed, roveDb + matchGainDb + trimDb), matchGainDb);
    }

    /** The versions to play and the gain (dB) that matched the processed version's loudness. */
    public record AbPair(AudioBuffer original, AudioBuffer processed, double matchGainDb) {
    }

    /** BS.1770 loudness of a whole buffer (true peak only when asked: it costs 8× oversampling). */
    static LoudnessResult measure(AudioBuffer audio, boolean truePeak) {
        LoudnessMeter meter = new LoudnessMeter(audio.sampleRateHz(), audio.channelCount(), truePeak);
        meter.accept(audio.channels(), audio.frames());
        return meter.result();
    }

    /** A copy of {@code audio} with its gain changed by {@code gainDb}. */
    static AudioBuffer scaled(AudioBuffer audio, double gainDb) {
        AudioBuffer copy = audio.copy();
        if (gainDb != 0) {
            float gain = (float) Math.pow(10, gainDb / 20);
            for (float[] channel : copy.channels()) {
                for (int i = 0; i < channel.length; i++) {
                    channel[i] *= gain;
                }
            }
        }
        return copy;
    }
}
