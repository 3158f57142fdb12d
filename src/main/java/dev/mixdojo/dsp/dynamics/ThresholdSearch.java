package dev.mixdojo.dsp.dynamics;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.DaemonThreads;
import dev.mixdojo.dsp.Limits;
import dev.mixdojo.dsp.OfflineRenderer;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleUnaryOperator;

/**
 * Finds the threshold at which a compressor turns audio down by a given amount on its hits, as its
 * {@link GainReductionMeter} reads it, within {@link #TOLERANCE_DB}. The search runs on the meter's
 * model and renders only to check the model's answer; when a check misses, the model is shifted by
 * the miss and asked again, and after {@link #MODEL_ROUNDS} renders regula falsi on renders takes
 * over, so the answer holds for any compressor. The renders it made at the answer come with it, for
 * a caller to play instead of rendering again. Thread-safe; each search uses one side thread.
 */
public final class ThresholdSearch {
    /** How close (dB) the reduction at the threshold found comes to the one asked for. */
    public static final double TOLERANCE_DB = 0.05;
    /** Renders the search may spend checking (and correcting) the model before it gives up on it. */
    static final int MODEL_ROUNDS = 3;
    /** How far (dB) from the target the model must put an end of the range for no render to check it. */
    private static final double MODEL_MARGIN_DB = 1;

    private ThresholdSearch() {
    }

    /** A compressor whose settings are fixed except its threshold. */
    public interface Compressor {
        /** The settings with this threshold in dBFS. */
        DynamicsSettings at(double thresholdDb);
    }

    /**
     * A threshold found, with what the search rendered there: the audio through the searched compressor
     * and its reduction on the hits (unless the search had to fall back on a bracket), and the audio
     * through the compressor a question plays (when one was given and the first check held).
     */
    public record Found(double thresholdDb, Optional<AudioBuffer> compressed, OptionalDouble onHitsDb,
            Optional<AudioBuffer> played) {
    }

    /** The threshold (dBFS) at which {@code compressor} reduces {@code audio} by {@code targetDb} on its hits. */
    public static Found find(AudioBuffer audio, double targetDb, Compressor compressor) {
        return find(new GainReductionMeter(audio), targetDb, compressor, null);
    }

    /**
     * {@link #find(AudioBuffer, double, Compressor)}, rendering on a side thread, beside the render that
     * checks the model's first threshold, the audio through {@code played} at that threshold (the same
     * compressor with another attack, say): when the check holds, as it nearly always does, that render
     * comes with the answer; when it misses, it runs on beside the search's next render and is dropped.
     */
    public static Found find(AudioBuffer audio, double targetDb, Compressor compressor, Compressor played) {
        return find(new GainReductionMeter(audio), targetDb, compressor, played);
    }

    private static Found find(GainReductionMeter meter, double targetDb, Compressor compressor, Compressor played) {
        Answer answer = search(meter, targetDb, compressor, played);
        DynamicsSettings settings = compressor.at(answer.thresholdDb());
        return new Found(answer.thresholdDb(), meter.renderedAt(settings),
                meter.renderedOnHitsDb(settings).map(OptionalDouble::of).orElse(OptionalDouble.empty()), answer.played());
    }

    /** A threshold and, where it was made, the played compressor's render there. */
    private record Answer(double thresholdDb, Optional<AudioBuffer> played) {
    }

    private static Answer search(GainReductionMeter meter, double targetDb, Compressor compressor, Compressor played) {
        double high = Math.min(0, BlockLevels.peakDbfs(meter.audio()));
        double low = Math.max(-80, high - 60);
        DoubleUnaryOperator rendered = t -> meter.onHitsDb(compressor.at(t)) - targetDb;
        DoubleUnaryOperator modelled = t -> meter.modelOnHitsDb(compressor.at(t)) - targetDb;
        double modelLow = modelled.applyAsDouble(low);
        double modelHigh = modelled.applyAsDouble(high);
        // The model is trusted only to decide the ends far from the target; near it, renders decide.
        // An end rendered here is kept for the fallback below (NaN: not rendered).
        double renderedLow = modelLow < MODEL_MARGIN_DB ? rendered.applyAsDouble(low) : Double.NaN;
        if (renderedLow < 0) {
            throw tooQuiet(targetDb);
        }
        double renderedHigh = modelHigh > -MODEL_MARGIN_DB ? rendered.applyAsDouble(high) : Double.NaN;
        if (renderedHigh >= 0) {
            return new Answer(high, Optional.empty());
        }
        double offsetDb = 0;
        for (int round = 0; round < MODEL_ROUNDS; round++) {
            double shift = offsetDb;
            double fLow = modelLow + shift;
            double fHigh = modelHigh + shift;
            if (fLow < 0 || fHigh >= 0) {
                break;
            }
            double guess = regulaFalsi(t -> modelled.applyAsDouble(t) + shift, low, high, fLow, fHigh, TOLERANCE_DB / 10);
            // Only the first guess gets a render beside it: a missed check leaves that render running,
            // and more of them would compete with the search's own renders.
            CompletableFuture<AudioBuffer> beside = played == null || round > 0 ? null
                    : renderBeside(played.at(guess), meter.audio());
            double miss = rendered.applyAsDouble(guess);
            if (Math.abs(miss) < TOLERANCE_DB) {
                return new Answer(guess, beside == null ? Optional.empty() : Optional.of(DaemonThreads.join(beside)));
            }
            offsetDb = miss - modelled.applyAsDouble(guess); // what the model missed by at the guess
        }
        double fLow = Double.isNaN(renderedLow) ? rendered.applyAsDouble(low) : renderedLow;
        if (fLow < 0) {
            throw tooQuiet(targetDb);
        }
        double fHigh = Double.isNaN(renderedHigh) ? rendered.applyAsDouble(high) : renderedHigh;
        return new Answer(regulaFalsi(rendered, low, high, fLow, fHigh, TOLERANCE_DB), Optional.empty());
    }

    /** The audio through {@code settings} alone, as a one-step chain renders it, on a side thread. */
    private static CompletableFuture<AudioBuffer> renderBeside(DynamicsSettings settings, AudioBuffer audio) {
        return CompletableFuture.supplyAsync(() -> OfflineRenderer.render(new Dynamics(settings), settings.needsStereo(), audio),
                DaemonThreads.sideTasks());
    }

    private static BadInputException tooQuiet(double targetDb) {
        return new BadInputException("the excerpt is too quiet to be compressed by " + Limits.format(targetDb)
                + " dB; choose louder material");
    }

    /**
     * A root of {@code f}, falling in its argument, between {@code low} (f ≥ 0) and {@code high}: gain
     * reduction is nearly straight in the threshold above the knee, so regula falsi with the Illinois
     * fix (Dowell &amp; Jarratt 1971) needs few steps where bisection would need ten or more. Returns
     * {@code high} when f is not negative there.
     */
    private static double regulaFalsi(DoubleUnaryOperator f, double low, double high, double fLow, double fHigh,
            double toleranceDb) {
        int side = 0;
        for (int i = 0; i < 30 && fHigh < 0; i++) {
            double middle = (low * fHigh - high * fLow) / (fHigh - fLow);
            double value = f.applyAsDouble(middle);
            if (Math.abs(value) < toleranceDb) {
                return middle;
            }
            if (value > 0) {
                low = middle;
                fLow = value;
                if (side == -1) {
                    fHigh /= 2;
                }
                side = -1;
            } else {
                high = middle;
                fHigh = value;
                if (side == 1) {
                    fLow /= 2;
                }
                side = 1;
            }
        }
        return fHigh >= 0 ? high : (low + high) / 2;
    }
}
