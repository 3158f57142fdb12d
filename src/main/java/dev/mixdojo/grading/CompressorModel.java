package dev.mixdojo.grading;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.chain.ChainRenderer;
import dev.mixdojo.dsp.dynamics.Dynamics;
import dev.mixdojo.dsp.dynamics.DynamicsSettings;
import dev.mixdojo.dsp.dynamics.GainComputer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * What a compressor on one stem would do to the stem's level frame by frame, without rendering it: as
 * {@code dsp.dynamics.Dynamics} does (Giannoulis, Massberg &amp; Reiss 2012), the stem's peak level over each control
 * step of {@value #BLOCK} samples goes through the static curve and the attack/release smoothing, and each analysis
 * frame's gain is the mean of the step gains weighted by the step's energy under the frame's Hann window, as the
 * estimator's least-squares fit weighs them. A fit over a grid of thresholds and ratios then finds the compressor
 * that best explains how a stem's level moves within each automation window of a mix. Not thread-safe.
 */
final class CompressorModel {
    /** Samples per detector step: the compressor's own control step, a whole number of which make one STFT frame. */
    static final int BLOCK = Dynamics.STEP;
    /**
     * Attack times the fit tries, in ms. The frame levels hardly tell them apart, but what the compressor does to the
     * stem's sound band by band does (a fast attack takes the edge off transients), so the diagnosis picks among them.
     */
    static final double[] ATTACKS_MS = {1, 4, 10, 30};
    /** The attack time a compressor is suggested with when nothing tells it, in ms. */
    static final double ATTACK_MS = 10;
    /** The release time the suggested compressor uses and the model assumes, in ms. */
    static final double RELEASE_MS = 100;
    /** The knee the suggested compressor uses, in dB. */
    static final double KNEE_DB = 6;
    private static final double DB_TO_NEPER = Math.log(10) / 20;
    /** Ratios the fit tries. */
    private static final double[] RATIOS = {1.5, 2, 3, 4, 6, 10};
    /** Percentiles of the stem's block peak levels the fit tries as thresholds. */
    private static final double[] THRESHOLD_PERCENTILES = {0.3, 0.5, 0.65, 0.8, 0.9, 0.95, 0.98};

    private final int frames;
    private final int blocksPerFrame;
    private final float[] peakDb;
    private final float[] weight;
    private final double blockS;

    /**
     * A model of {@code stem} over {@code frames} frames of {@code frameSamples} samples each, the first starting at
     * stem sample {@code firstSample}.
     */
    CompressorModel(AudioBuffer stem, int firstSample, int frameSamples, int frames) {
        this.frames = frames;
        this.blocksPerFrame = frameSamples / BLOCK;
        this.blockS = BLOCK / (double) stem.sampleRateHz();
        int blocks = frames * blocksPerFrame;
        peakDb = new float[blocks];
        weight = new float[blocks];
        for (int k = 0; k < blocks; k++) {
            int start = firstSample + k * BLOCK;
            double peak = 0;
            double energy = 0;
            for (float[] channel : stem.channels()) {
                for (int n = start; n < Math.min(channel.length, start + BLOCK); n++) {
                    peak = Math.max(peak, Math.abs(channel[n]));
                    energy += channel[n] * channel[n];
                }
            }
            peakDb[k] = (float) (20 * Math.log10(Math.max(peak, 1e-9)));
            double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * ((k % blocksPerFrame) + 0.5) / blocksPerFrame);
            weight[k] = (float) (energy * hann * hann);
        }
    }

    /** The compressor's gain per frame (dB ≤ 0; NaN where the frame is silent) with these settings. */
    double[] frameGainDb(double thresholdDb, double ratio, double attackMs) {
        double attack = Math.exp(-blockS * 1000 / attackMs);
        double release = Math.exp(-blockS * 1000 / RELEASE_MS);
        double[] out = new double[frames];
        double smoothed = 0;
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            double weights = 0;
            for (int k = f * blocksPerFrame; k < (f + 1) * blocksPerFrame; k++) {
                double level = peakDb[k];
                double reduction = level - GainComputer.compress(level, thresholdDb, ratio, KNEE_DB);
                double alpha = reduction > smoothed ? attack : release;
                smoothed = alpha * smoothed + (1 - alpha) * reduction;
                if (weight[k] > 0) {
                    sum += weight[k] * (smoothed == 0 ? 1 : Math.exp(-smoothed * DB_TO_NEPER));
                    weights += weight[k];
                }
            }
            out[f] = weights > 0 ? 20 * Math.log10(sum / weights) : Double.NaN;
        }
        return out;
    }

    /** A fitted compressor: its settings and its gain per frame. */
    record Fitted(double thresholdDb, double ratio, double attackMs, double[] frameGainDb) {
        /** The compressor in the chain vocabulary (no make-up gain: the fader sets the level). */
        DynamicsSettings settings() {
            return DynamicsSettings.compressor(Math.max(-80, Math.min(0, Math.round(thresholdDb))), ratio, KNEE_DB,
                    attackMs, RELEASE_MS, 0);
        }
    }

    /**
     * The compressor with the given attack that best explains {@code levelDb} (the stem's level per frame relative to
     * the song, NaN where silent) within each run of {@code framesPerWindow} frames, or empty when none explains at
     * least half of the level's movement there or its gain moves by less than {@code minimumDb} (RMS within windows).
     */
    Optional<Fitted> fit(double[] levelDb, int framesPerWindow, double minimumDb, double attackMs) {
        double[] observed = withinWindows(levelDb, framesPerWindow);
        double none = sumOfSquares(observed, new double[frames]);
        double[] active = new double[peakDb.length];
        int count = 0;
        for (float p : peakDb) {
            if (p > -120) {
                active[count++] = p;
            }
        }
        active = Arrays.copyOf(active, count);
        Arrays.sort(active);
        if (active.length == 0 || none <= 0) {
            return Optional.empty();
        }
        Fitted best = null;
        double bestError = none;
        for (double percentile : THRESHOLD_PERCENTILES) {
            double threshold = active[(int) Math.min(active.length - 1, Math.round(percentile * (active.length - 1)))];
            for (double ratio : RATIOS) {
                double[] gain = frameGainDb(threshold, ratio, attackMs);
                double error = sumOfSquares(observed, withinWindows(gain, framesPerWindow, levelDb));
                if (error < bestError) {
                    bestError = error;
                    best = new Fitted(threshold, ratio, attackMs, gain);
                }
            }
        }
        if (best == null || bestError > 0.5 * none) {
            return Optional.empty();
        }
        double[] moves = withinWindows(best.frameGainDb(), framesPerWindow, levelDb);
        double rms = Math.sqrt(sumOfSquares(moves, new double[frames]) / Math.max(1, count(moves)));
        return rms >= minimumDb ? Optional.of(best) : Optional.empty();
    }

    /**
     * What a compressor does to the stem's gain band by band, as the estimator measures it: the stem is rendered
     * through it, and each band's least-squares gain from the stem to the render (Σ conj(X)·Y / Σ|X|² over the bins
     * and frames of the band) is taken over {@code frames} frames from stem sample {@code firstSample}. In dB;
     * 0 where the stem has nothing.
     */
    static double[] bandGainsDb(AudioBuffer stem, DynamicsSettings compressor, int firstSample, int frames,
            BandLayout layout) {
        AudioBuffer out = ChainRenderer.render(new ChainDescription(List.of(compressor)), stem);
        int size = StemEstimator.FRAME_SIZE;
        DoubleFFT_1D fft = new DoubleFFT_1D(size);
        int bands = layout.bands();
        double[] re = new double[bands];
        double[] im = new double[bands];
        double[] energy = new double[bands];
        double[] x = new double[size];
        double[] y = new double[size];
        for (int f = 0; f < frames; f++) {
            int start = firstSample + f * StemEstimator.HOP;
            for (int c = 0; c < stem.channelCount(); c++) {
                for (int n = 0; n < size; n++) {
                    double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / size);
                    int at = start + n;
                    x[n] = at < stem.frames() ? w * stem.channel(c)[at] : 0;
                    y[n] = at < out.frames() ? w * out.channel(c)[at] : 0;
                }
                fft.realForward(x);
                fft.realForward(y);
                for (int b = 0; b < bands; b++) {
                    for (int k = layout.firstBin()[b]; k < layout.endBin()[b]; k += layout.stride()[b]) {
                        re[b] += x[2 * k] * y[2 * k] + x[2 * k + 1] * y[2 * k + 1];
                        im[b] += x[2 * k] * y[2 * k + 1] - x[2 * k + 1] * y[2 * k];
                        energy[b] += x[2 * k] * x[2 * k] + x[2 * k + 1] * x[2 * k + 1];
                    }
                }
            }
        }
        double[] gains = new double[bands];
        for (int b = 0; b < gains.length; b++) {
            gains[b] = energy[b] > 0 ? 10 * Math.log10((re[b] * re[b] + im[b] * im[b]) / (energy[b] * energy[b])) : 0;
        }
        return gains;
    }

    /** The values less their window's mean, NaN where the value is NaN. */
    static double[] withinWindows(double[] values, int framesPerWindow) {
        return withinWindows(values, framesPerWindow, values);
    }

    /** The values less their window's mean, over the frames where {@code mask} is a number (NaN elsewhere). */
    private static double[] withinWindows(double[] values, int framesPerWindow, double[] mask) {
        double[] out = new double[values.length];
        for (int w = 0; w * framesPerWindow < values.length; w++) {
            int end = Math.min(values.length, (w + 1) * framesPerWindow);
            double sum = 0;
            int n = 0;
            for (int f = w * framesPerWindow; f < end; f++) {
                if (Double.isFinite(mask[f]) && Double.isFinite(values[f])) {
                    sum += values[f];
                    n++;
                }
            }
            for (int f = w * framesPerWindow; f < end; f++) {
                out[f] = Double.isFinite(mask[f]) && Double.isFinite(values[f]) && n > 1 ? values[f] - sum / n : Double.NaN;
            }
        }
        return out;
    }

    private static double sumOfSquares(double[] a, double[] b) {
        double sum = 0;
        for (int f = 0; f < a.length; f++) {
            if (Double.isFinite(a[f]) && Double.isFinite(b[f])) {
                sum += (a[f] - b[f]) * (a[f] - b[f]);
            }
        }
        return sum;
    }

    private static int count(double[] values) {
        return (int) Arrays.stream(values).filter(Double::isFinite).count();
    }
}
