package dev.mixdojo.exercise;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.dsp.dynamics.BlockLevels;
import dev.mixdojo.dsp.dynamics.GainReductionMeter;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The gain a compressor applied, read from the two versions alone: per 10 ms block the processed
 * energy over the original's (in dB); the loudness-matching gain is where the compressor let go
 * (the highest block), so the gain reduction is each block's distance below that.
 */
final class GainCurve {
    private final double[] reductionDb;
    private final double onTransientsDb;

    GainCurve(Question question) {
        this(question.audio().get("original"), question.audio().get("processed"));
    }

    /** The curve between an original and a compressed version of it. */
    GainCurve(AudioBuffer original, AudioBuffer processed) {
        double[] dry = BlockLevels.energy(original);
        double[] wet = BlockLevels.energy(processed);
        boolean[] active = BlockLevels.active(original);
        double[] gainDb = IntStream.range(0, dry.length).filter(b -> active[b])
                .mapToDouble(b -> 10 * Math.log10(wet[b] / dry[b])).toArray();
        double releasedDb = Arrays.stream(gainDb).max().orElse(0);
        reductionDb = Arrays.stream(gainDb).map(g -> releasedDb - g).toArray();
        // Sample by sample at the loudest moments (within 6 dB of the peak): the transients.
        float[] a = original.channel(0);
        float[] b = processed.channel(0);
        double peak = 0;
        for (float x : a) {
            peak = Math.max(peak, Math.abs(x));
        }
        double level = peak / 2;
        onTransientsDb = IntStream.range(0, a.length).filter(i -> Math.abs(a[i]) >= level)
                .mapToDouble(i -> releasedDb - 20 * Math.log10(Math.abs(b[i] / a[i]))).average().orElse(0);
    }

    /** The 95th percentile of the gain reduction over the active blocks, as {@link GainReductionMeter} defines it. */
    double onHitsDb() {
        return GainReductionMeter.onHitsDb(reductionDb);
    }

    /** The gain reduction (dB) of each active block, in time order. */
    double[] reductionDb() {
        return reductionDb.clone();
    }

    /** The mean gain reduction on the transients' peaks. */
    double onTransientsDb() {
        return onTransientsDb;
    }
}
