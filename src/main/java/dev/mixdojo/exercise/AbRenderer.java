package dev.mixdojo.exercise;

import dev.mixdojo.analysis.loudness.LoudnessMeter;
import dev.mixdojo.analysis.loudness.LoudnessResult;
import dev.mixdojo.analysis.loudness.TruePeak;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.DaemonThreads;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Makes an honest A/B pair: the processed version's integrated loudness (BS.1770) matched to the
 * original's unless level is what is asked, an optional rove of the playback level applied to
 * both alike, then one common gain so that neither version's true peak exceeds −1 dBTP.
 */
public final class AbRenderer {
    /** Whether a pair's versions are played equally loud. */
    public enum Loudness {
        /** The processed version matched to the original's integrated loudness: the change is heard, not a level jump. */
        MATCHED,
        /** Each version as loud as it came out: level is what is asked. */
        UNMATCHED
    }

    /** The highest true peak either version may reach, in dBTP. */
    public static final double TRUE_PEAK_CEILING_DBTP = -1.0;

    private AbRenderer() {
    }

    /**
     * The pair to play.
     *
     * @param loudness whether the processed version's loudness is matched to the original's
     * @param roveDb   a level offset applied to both versions (0 for none; ±1–2 dB hides absolute level)
     */
    public static AbPair render(AudioBuffer original, AudioBuffer processed, Loudness loudness, double roveDb) {
        // The two versions are independent until the common trim: the original is read on a second
        // thread while this one reads the processed version (on two cores, a pair costs one version).
        ExecutorService side = DaemonThreads.sideTasks();
        CompletableFuture<Reading> originalSide = CompletableFuture.supplyAsync(() -> Reading.of(original), side);
        Reading processedReading = Reading.of(processed);
        Reading originalReading = DaemonThreads.join(originalSide);
        double matchGainDb = 0;
        if (loudness == Loudness.MATCHED) {
            double originalLufs = originalReading.integratedLufs();
            double processedLufs = processedReading.integratedLufs();
            if (Double.isFinite(originalLufs) && Double.isFinite(processedLufs)) {
                matchGainDb = originalLufs - processedLufs;
            }
        }
        // A gain shifts the true peak by exactly that gain in dB (the oversampling filter is linear), so
        // the peaks after matching and roving follow from the peaks before. The cheap 4× peak brackets
        // the 8× one (between it and FOUR_TIMES_UNDER_READ_DB above it); the 8× peak is read only for a
        // version that may pass the ceiling and may be the louder one, so the trim is the one the 8×
        // peaks give.
        double processedGainDb = roveDb + matchGainDb;
        double originalLowDbtp = originalReading.fourTimesDbtp() + roveDb;
        double processedLowDbtp = processedReading.fourTimesDbtp() + processedGainDb;
        double loudestLowDbtp = Math.max(originalLowDbtp, processedLowDbtp);
        CompletableFuture<Double> originalPeakDbtp = mayDecide(originalLowDbtp, loudestLowDbtp)
                ? CompletableFuture.supplyAsync(() -> TruePeak.eightTimesDbtp(original.channels(), original.frames()) + roveDb, side)
                : CompletableFuture.completedFuture(Double.NEGATIVE_INFINITY);
        double peakDbtp = mayDecide(processedLowDbtp, loudestLowDbtp)
                ? TruePeak.eightTimesDbtp(processed.channels(), processed.frames()) + processedGainDb
                : Double.NEGATIVE_INFINITY;
        peakDbtp = Math.max(peakDbtp, DaemonThreads.join(originalPeakDbtp));
        double trimDb = peakDbtp > TRUE_PEAK_CEILING_DBTP ? TRUE_PEAK_CEILING_DBTP - peakDbtp : 0;
        // Rove, match and trim are one gain per version: one pass and one copy each, side by side.
        CompletableFuture<AudioBuffer> originalPlayed = CompletableFuture.supplyAsync(() -> scaled(original, roveDb + trimDb), side);
        AudioBuffer processedPlayed = scaled(processed, processedGainDb + trimDb);
        return new AbPair(DaemonThreads.join(originalPlayed), processedPlayed, matchGainDb);
    }

    /** What the pair needs to know of one version: its integrated loudness and its 4× true peak. */
    private record Reading(double integratedLufs, double fourTimesDbtp) {
        /** The reading of one version. */
        static Reading of(AudioBuffer version) {
            return new Reading(measure(version, false).integratedLufs(), TruePeak.fourTimesDbtp(version.channels(), version.frames()));
        }
    }

    /**
     * Whether a version whose 4× peak reads {@code lowDbtp} could have the larger 8× peak of the pair
     * and pass the ceiling: its 8× peak lies at most {@link TruePeak#FOUR_TIMES_UNDER_READ_DB} above.
     */
    private static boolean mayDecide(double lowDbtp, double loudestLowDbtp) {
        double highDbtp = lowDbtp + TruePeak.FOUR_TIMES_UNDER_READ_DB;
        return highDbtp > TRUE_PEAK_CEILING_DBTP && highDbtp >= loudestLowDbtp;
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
