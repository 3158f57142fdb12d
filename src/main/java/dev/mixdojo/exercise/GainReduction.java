package dev.mixdojo.exercise;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.DaemonThreads;
import dev.mixdojo.dsp.Decibels;
import dev.mixdojo.dsp.chain.Chain;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.chain.ChainRenderer;
import dev.mixdojo.dsp.dynamics.Dynamics;
import dev.mixdojo.dsp.dynamics.DynamicsSettings;
import dev.mixdojo.dsp.dynamics.GainComputer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleUnaryOperator;

/**
 * How much a compressor turns an excerpt down, as a gain-reduction meter shows it on the hits:
 * the compressor's own per-sample gain reduction, averaged over 10 ms blocks, and the 95th
 * percentile of those blocks among the excerpt's active ones (within 40 dB of its loudest block,
 * so silence between phrases does not count). The percentile rather than the maximum, so one
 * stray peak does not set the answer; rather than the mean, so a sparse drum part that is only
 * compressed on its hits reads what the meter swings to on each hit.
 */
final class GainReduction {
    /** Length of the blocks the gain reduction is averaged over (ms): about a meter's integration time. */
    static final double BLOCK_MS = 10;
    /** A block is active when its level is at most this far below the loudest block (dB). */
    static final double ACTIVE_RANGE_DB = 40;
    /** Which share of the active blocks have at most the gain reduction reported. */
    static final double PERCENTILE = 0.95;

    private GainReduction() {
    }

    /** The gain reduction (dB, ≥ 0) the compressor applies to the excerpt on its hits, as defined above. */
    static double onHitsDb(AudioBuffer excerpt, DynamicsSettings compressor) {
        return new Meter(excerpt).onHitsDb(compressor);
    }

    /**
     * The compressor's own gain reduction (dB, ≥ 0) on the excerpt, averaged over each active 10 ms
     * block, in time order: the trace a gain-reduction meter draws while the excerpt plays.
     */
    static double[] traceDb(AudioBuffer excerpt, DynamicsSettings compressor) {
        return new Meter(excerpt).traceDb(compressor);
    }

    /**
     * A threshold found by {@link #find}; when the search rendered at it (as it does unless it had to
     * fall back on bisecting a bracket), the excerpt compressed at it and its gain reduction on the hits.
     */
    record Found(double thresholdDb, Optional<AudioBuffer> compressed, OptionalDouble onHitsDb) {
    }

    /**
     * The threshold (dBFS) at which {@code compressor} (its other settings kept) reduces the excerpt
     * by {@code targetDb} on its hits, within {@link #TOLERANCE_DB}, as the real compressor measures.
     * A render costs tens of ms on a 20 s excerpt, so the search runs on {@link Meter#modelOnHitsDb}
     * (a model of the compressor's control path, ~40× cheaper) and renders only to check the model's
     * answer; when the check misses, the model is shifted by the miss it just measured and asked again.
     * Should that not settle in {@link #MODEL_ROUNDS} renders, regula falsi on real renders takes over.
     * With it comes the render that checked the answer (the compressor alone as a chain,
     * {@link ChainRenderer}), which is the processed version a question plays: no need to render it again.
     */
    static Found find(AudioBuffer excerpt, double targetDb, ThresholdedCompressor compressor) {
        return find(excerpt, targetDb, compressor, null);
    }

    /**
     * {@link #find}, rendering beside the render that checks the model's first threshold, on a side
     * thread, the chain the question will play at that threshold ({@code played}: the compressor with
     * another attack, say); when the check holds (it nearly always does), {@code played} keeps that
     * render, so the question plays it instead of rendering it after the search. When the check
     * misses, the wasted render runs on beside the search's next render.
     */
    static Found find(AudioBuffer excerpt, double targetDb, ThresholdedCompressor compressor, Played played) {
        Meter meter = new Meter(excerpt);
        double thresholdDb = search(meter, targetDb, compressor, played);
        DynamicsSettings settings = compressor.at(thresholdDb);
        Optional<AudioBuffer> compressed = meter.renderedAt(settings);
        return new Found(thresholdDb, compressed,
                compressed.isPresent() ? OptionalDouble.of(percentile(meter.renderedTrace, PERCENTILE)) : OptionalDouble.empty());
    }

    /** The chain a question will play at a threshold, and where a render of it is kept. */
    interface Played {
        /** The chain at this threshold. */
        ChainDescription chainAt(double thresholdDb);

        /** Keeps the excerpt rendered through {@code chain}. */
        void keep(ChainDescription chain, AudioBuffer rendered);
    }

    private static double search(Meter meter, double targetDb, ThresholdedCompressor compressor, Played played) {
        double high = Math.min(0, peakDbfs(meter.excerpt));
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
            return high;
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
            ChainDescription playedChain = played == null || round > 0 ? null : played.chainAt(guess);
            CompletableFuture<AudioBuffer> beside = playedChain == null ? null : CompletableFuture.supplyAsync(
                    () -> ChainRenderer.render(playedChain, meter.excerpt), DaemonThreads.sideTasks());
            double miss = rendered.applyAsDouble(guess);
            if (Math.abs(miss) < TOLERANCE_DB) {
                if (beside != null) {
                    played.keep(playedChain, DaemonThreads.join(beside));
                }
                return guess;
            }
            offsetDb = miss - modelled.applyAsDouble(guess); // what the model missed by at the guess
        }
        double fLow = Double.isNaN(renderedLow) ? rendered.applyAsDouble(low) : renderedLow;
        if (fLow < 0) {
            throw tooQuiet(targetDb);
        }
        double fHigh = Double.isNaN(renderedHigh) ? rendered.applyAsDouble(high) : renderedHigh;
        return regulaFalsi(rendered, low, high, fLow, fHigh, TOLERANCE_DB);
    }

    /** Renders the search may spend checking (and correcting) the model before it gives up on it. */
    static final int MODEL_ROUNDS = 3;
    /** How far (dB) from the target the model must put an end of the range for no render to check it. */
    private static final double MODEL_MARGIN_DB = 1;

    private static BadInputException tooQuiet(double targetDb) {
        return new BadInputException("the excerpt is too quiet to be compressed by "
                + Quantity.AMOUNT_DB.format(targetDb) + "; choose louder material");
    }

    /**
     * A root of {@code f}, falling in its argument, between {@code low} (f ≥ 0) and {@code high}:
     * gain reduction is nearly straight in the threshold above the knee, so regula falsi with the
     * Illinois fix (Dowell &amp; Jarratt 1971) needs few steps, where bisection would need ten or more.
     * Returns {@code high} when f is not negative there.
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

    /** How close (dB) the gain reduction found for a threshold must come to the one asked for. */
    static final double TOLERANCE_DB = 0.05;

    /** The highest sample magnitude over all channels, in dBFS. */
    static double peakDbfs(AudioBuffer audio) {
        double peak = 0;
        for (float[] channel : audio.channels()) {
            for (float x : channel) {
                peak = Math.max(peak, Math.abs(x));
            }
        }
        return 20 * Math.log10(Math.max(peak, 1e-9));
    }

    /** A compressor whose settings are fixed except its threshold. */
    interface ThresholdedCompressor {
        /** The settings with this threshold in dBFS. */
        DynamicsSettings at(double thresholdDb);
    }

    /** Frames in one metering block at this sample rate. */
    static int blockFrames(int sampleRateHz) {
        return (int) Math.round(BLOCK_MS / 1000 * sampleRateHz);
    }

    /** Which whole blocks of the excerpt are within {@link #ACTIVE_RANGE_DB} of its loudest block. */
    static boolean[] activeBlocks(AudioBuffer excerpt) {
        double[] energy = blockEnergy(excerpt);
        double loudest = Arrays.stream(energy).max().orElse(0);
        double floor = loudest * Math.pow(10, -ACTIVE_RANGE_DB / 10);
        boolean[] active = new boolean[energy.length];
        for (int b = 0; b < energy.length; b++) {
            active[b] = loudest > 0 && energy[b] >= floor;
        }
        return active;
    }

    /** The energy (sum of squares over all channels) of each whole metering block. */
    static double[] blockEnergy(AudioBuffer audio) {
        int blockFrames = blockFrames(audio.sampleRateHz());
        double[] energy = new double[audio.frames() / blockFrames];
        for (float[] channel : audio.channels()) {
            for (int b = 0; b < energy.length; b++) {
                for (int i = b * blockFrames; i < (b + 1) * blockFrames; i++) {
                    energy[b] += (double) channel[i] * channel[i];
                }
            }
        }
        return energy;
    }

    /** The value below which {@code share} of the values lie (nearest rank); 0 for none. */
    static double percentile(double[] values, double share) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(share * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    /**
     * An excerpt made ready for measuring its gain reduction under many compressors: what does not
     * depend on the compressor (the active blocks, the peak levels of its control steps) is
     * computed once. Not thread-safe.
     */
    static final class Meter {
        /** Frames per control step of the model: the compressor's own step. */
        private static final int STEP_FRAMES = Dynamics.STEP;
        /** Added to step peaks before the logarithm so that silence reads a finite level. */
        private static final double SILENCE = 1e-12;

        private final AudioBuffer excerpt;
        private final int blockFrames;
        private final boolean[] active;
        private final int activeCount;
        private final float[] perSample;
        private double[] stepPeakDb;
        private DynamicsSettings renderedSettings;
        private AudioBuffer rendered;
        private double[] renderedTrace;

        Meter(AudioBuffer excerpt) {
            this.excerpt = excerpt;
            this.blockFrames = blockFrames(excerpt.sampleRateHz());
            this.active = activeBlocks(excerpt);
            int count = 0;
            for (boolean a : active) {
                count += a ? 1 : 0;
            }
            this.activeCount = count;
            this.perSample = new float[excerpt.frames()];
        }

        /** The excerpt as the last real render left it, if that render was with these settings. */
        Optional<AudioBuffer> renderedAt(DynamicsSettings compressor) {
            return compressor.equals(renderedSettings) ? Optional.of(rendered) : Optional.empty();
        }

        /** {@link GainReduction#onHitsDb} from a real render. */
        double onHitsDb(DynamicsSettings compressor) {
            return percentile(traceDb(compressor), PERCENTILE);
        }

        /**
         * {@link GainReduction#traceDb} from a real render: the compressor alone as a chain, as a
         * question renders it, recording its gain reduction; the render and trace are kept for {@link #renderedAt}.
         */
        double[] traceDb(DynamicsSettings compressor) {
            Dynamics dynamics = new Dynamics(compressor);
            dynamics.recordGainReduction(perSample);
            rendered = ChainRenderer.render(new Chain(List.of(dynamics)), compressor.needsStereo(), excerpt);
            renderedSettings = compressor;
            double[] perBlock = new double[activeCount];
            int count = 0;
            for (int b = 0; b < active.length; b++) {
                if (active[b]) {
                    double sum = 0;
                    for (int i = b * blockFrames; i < (b + 1) * blockFrames; i++) {
                        sum += perSample[i];
                    }
                    perBlock[count++] = sum / blockFrames;
                }
            }
            renderedTrace = perBlock;
            return perBlock.clone();
        }

        /**
         * A model of {@link #onHitsDb} for a peak-sensing, stereo-linked compressor, cheap enough to
         * run at every step of a search. Like the compressor, every 4 frames it takes the step's
         * largest magnitude over all channels, its reduction on the static curve ({@link GainComputer},
         * Giannoulis 2012 eq. 4) and a one-pole smoother in dB with the attack or release coefficient
         * raised to the 4th power (eq. 17); the reduction the compressor records over the next step
         * runs from the old value to the new, which the model takes as straight in dB (the compressor
         * interpolates the gain). The step peaks are computed once per excerpt, and nothing here takes
         * a logarithm or an exponential. Other detectors only make the model a rougher guess.
         */
        double modelOnHitsDb(DynamicsSettings compressor) {
            if (stepPeakDb == null) {
                stepPeakDb = stepPeaksDb();
            }
            double thresholdDb = compressor.thresholdDb().valueAt(0);
            double ratio = compressor.effectiveRatio(compressor.ratio().valueAt(0));
            double kneeDb = compressor.kneeDb().valueAt(0);
            double rateHz = excerpt.sampleRateHz();
            double attack = Dynamics.stepCoefficient(compressor.attackMs().valueAt(0), rateHz);
            double release = Dynamics.stepCoefficient(compressor.releaseMs().valueAt(0), rateHz);
            double[] sums = new double[active.length];
            double previous = 0;
            double current = 0;
            int frame = STEP_FRAMES; // the first step's reduction is heard from the second step on
            for (double levelDb : stepPeakDb) {
                double target = levelDb - GainComputer.compress(levelDb, thresholdDb, ratio, kneeDb);
                previous = current;
                current = target + (target > current ? attack : release) * (current - target);
                // Sum of the straight line from previous to current at the step's 4 frames: (k + 1)/4, k = 0…3.
                int block = frame / blockFrames;
                if (block < sums.length) {
                    if ((frame + STEP_FRAMES - 1) / blockFrames == block) {
                        sums[block] += STEP_FRAMES * previous + 2.5 * (current - previous);
                    } else {
                        for (int k = 0; k < STEP_FRAMES; k++) {
                            int b = (frame + k) / blockFrames;
                            if (b < sums.length) {
                                sums[b] += previous + (current - previous) * (k + 1) / STEP_FRAMES;
                            }
                        }
                    }
                }
                frame += STEP_FRAMES;
            }
            double[] perBlock = new double[activeCount];
            int count = 0;
            for (int b = 0; b < active.length; b++) {
                if (active[b]) {
                    perBlock[count++] = sums[b] / blockFrames;
                }
            }
            return percentile(perBlock, PERCENTILE);
        }

        /** The largest magnitude over all channels in each whole control step, in dBFS. */
        private double[] stepPeaksDb() {
            double[] peaks = new double[excerpt.frames() / STEP_FRAMES];
            for (float[] channel : excerpt.channels()) {
                for (int s = 0; s < peaks.length; s++) {
                    int i = s * STEP_FRAMES;
                    double peak = Math.max(Math.max(Math.abs(channel[i]), Math.abs(channel[i + 1])),
                            Math.max(Math.abs(channel[i + 2]), Math.abs(channel[i + 3])));
                    peaks[s] = Math.max(peaks[s], peak);
                }
            }
            for (int s = 0; s < peaks.length; s++) {
                peaks[s] = Decibels.fromGain(peaks[s] + SILENCE);
            }
            return peaks;
        }
    }
}
