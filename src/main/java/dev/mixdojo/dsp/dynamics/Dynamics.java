package dev.mixdojo.dsp.dynamics;

import dev.mixdojo.dsp.AudioBlock;
import dev.mixdojo.dsp.ControlRate;
import dev.mixdojo.dsp.Decibels;
import dev.mixdojo.dsp.ProcessSpec;
import dev.mixdojo.dsp.Processor;
import dev.mixdojo.dsp.automation.ParamTrack;
import dev.mixdojo.dsp.eq.BiquadCoefficients;

/**
 * Feed-forward compressor, limiter, expander and gate in the log domain (Giannoulis, Massberg &amp;
 * Reiss, JAES 2012, fig. 7(b)): level detection (peak or RMS, optionally from a high-passed external
 * key) → dB → static gain computer → the "smooth branching" smoother of their eq. (17) → make-up;
 * {@code attackMs} and {@code releaseMs} are time constants (63 % of a step in dB). The detector runs
 * per sample and the rest every {@value #STEP} samples on a grid counted from reset, the applied gain
 * moving in a straight line between (docs/decisions/dsp-filters-and-dynamics.md).
 */
public final class Dynamics implements Processor {
    private static final double RAMP_MS = 20;
    /** Samples per gain-computer update; divides {@link ControlRate#FRAMES}, so parameters change on step boundaries. */
    public static final int STEP = 4;
    private static final double INVERSE_STEP = 1.0 / STEP;
    /** Added to a level before its logarithm, so that silence reads a finite level (−240 dB). */
    static final double SILENCE = 1e-12;
    /** Stands in for "no range limit" in the branch-free arithmetic (infinity would give NaN). */
    private static final double UNLIMITED_DB = 1e6;

    private DynamicsSettings settings;
    private final boolean expands;
    private final ParamTrack thresholdDb;
    private final ParamTrack ratio;
    private final ParamTrack kneeDb;
    private final ParamTrack attackMs;
    private final ParamTrack releaseMs;
    private final ParamTrack makeupDb;
    private final ParamTrack rangeDb;
    private final ParamTrack[] allTracks;
    private double sampleRateHz;
    private double[] smoothedDb = new double[0];
    private double[] meanSquare = new double[0];
    private double[] keyState = new double[0];
    private double[] levelDb = new double[0];
    /** Per channel: the detector's level gathered so far in the current step (largest magnitude). */
    private double[] stepLevel = new double[0];
    /** Per channel: the linear gain at the end of the previous step, and at the end of this one. */
    private double[] gainFrom = new double[0];
    private double[] gainTo = new double[0];
    /** Position within the current step, 0 … STEP − 1. */
    private int phase;
    /** Whether the last refresh saw parameters moving, so the values they came to rest on still need one. */
    private boolean settling;
    private float[][] keyCopy = new float[0][];
    private float[][] outs = new float[0][];
    private float[][] keys = new float[0][];
    private BiquadCoefficients keyFilter;
    private volatile double meterDb;
    private float[] record;
    private int recordAt;
    private long position;

    // Current gain-computer values, refreshed on the control-rate grid while parameters move.
    private double t;
    private double r;
    private double w;
    private double range;
    private double makeup;
    private double slope;
    private double halfKnee;
    private double inverseTwoKnee;
    private double alphaMid;
    private double alphaHalfSpread;
    private double alphaRms;

    /** A processor for the given settings; call {@link #prepare} before use. */
    public Dynamics(DynamicsSettings settings) {
        this.settings = settings;
        this.expands = settings.mode().expands();
        thresholdDb = new ParamTrack(settings.thresholdDb(), RAMP_MS);
        ratio = new ParamTrack(settings.ratio(), RAMP_MS);
        kneeDb = new ParamTrack(settings.kneeDb(), RAMP_MS);
        attackMs = new ParamTrack(settings.attackMs(), RAMP_MS);
        releaseMs = new ParamTrack(settings.releaseMs(), RAMP_MS);
        makeupDb = new ParamTrack(settings.makeupDb(), RAMP_MS);
        rangeDb = new ParamTrack(settings.rangeDb(), RAMP_MS);
        allTracks = new ParamTrack[] {thresholdDb, ratio, kneeDb, attackMs, releaseMs, makeupDb, rangeDb};
    }

    /**
     * Moves threshold, ratio, knee, attack, release, make-up and range to {@code other}'s, each ramped
     * over 20 ms; the rest must be the same ({@link DynamicsSettings#sameShape}). Allocation-free; call on the
     * thread that processes.
     */
    public void set(DynamicsSettings other) {
        if (!settings.sameShape(other)) {
            throw new IllegalArgumentException("only the numbers of a dynamics processor can change while audio runs");
        }
        settings = other;
        thresholdDb.set(other.thresholdDb());
        ratio.set(other.ratio());
        kneeDb.set(other.kneeDb());
        attackMs.set(other.attackMs());
        releaseMs.set(other.releaseMs());
        makeupDb.set(other.makeupDb());
        rangeDb.set(other.rangeDb());
    }

    @Override
    public void prepare(ProcessSpec spec) {
        sampleRateHz = spec.sampleRateHz();
        int channels = spec.channels();
        smoothedDb = new double[channels];
        meanSquare = new double[channels];
        levelDb = new double[channels];
        stepLevel = new double[channels];
        gainFrom = new double[channels];
        gainTo = new double[channels];
        keyState = new double[2 * channels];
        keyCopy = new float[channels][spec.maxBlockFrames()];
        outs = new float[channels][];
        keys = new float[channels][];
        keyFilter = settings.sidechainHpHz() > 0
                ? BiquadCoefficients.highPass(settings.sidechainHpHz(), Math.sqrt(0.5), sampleRateHz) : null;
        for (ParamTrack track : allTracks) {
            track.prepare(sampleRateHz);
        }
        reset();
    }

    @Override
    public void reset() {
        java.util.Arrays.fill(smoothedDb, 0);
        java.util.Arrays.fill(meanSquare, 0);
        java.util.Arrays.fill(keyState, 0);
        for (ParamTrack track : allTracks) {
            track.reset();
        }
        java.util.Arrays.fill(stepLevel, 0);
        recordAt = 0;
        meterDb = 0;
        position = 0;
        phase = 0;
        settling = false;
        refresh();
        java.util.Arrays.fill(gainFrom, Decibels.toGain(makeup));
        java.util.Arrays.fill(gainTo, Decibels.toGain(makeup));
    }

    /** The largest gain reduction in dB (≥ 0) during the last processed block. Any thread. */
    public double gainReductionDb() {
        return meterDb;
    }

    /**
     * Offline metering: from now on (and again from each {@link #reset}), the gain reduction in dB of
     * channel 0 is written to {@code perSample[i]} for sample i, until the array is full. Null stops it.
     */
    public void recordGainReduction(float[] perSample) {
        this.record = perSample;
        this.recordAt = 0;
    }

    /** Processes the block with its own signal as the key. */
    @Override
    public void process(AudioBlock block) {
        process(block, block);
    }

    /**
     * Processes {@code block} with the level of {@code key} driving the gain (external side-chain);
     * the key has the same frame count and any number of channels (its last channel is reused).
     */
    public void process(AudioBlock block, AudioBlock key) {
        int frames = block.frames();
        int keyStart = key.start();
        float[][] filteredKey = null;
        if (keyFilter != null) {
            filterKey(key, frames);
            filteredKey = keyCopy;
            keyStart = 0;
        }
        double blockMax = 0;
        for (double reduction : smoothedDb) {
            blockMax = Math.max(blockMax, reduction); // a block shorter than a step still reads the meter
        }
        int done = 0;
        while (done < frames) {
            boolean steady = true;
            for (ParamTrack track : allTracks) {
                steady &= track.isSteady();
            }
            if ((!steady || settling) && ControlRate.onGrid(position)) {
                refresh();
                settling = !steady;
            }
            int n = ControlRate.chunk(position, frames - done, !steady || settling);
            blockMax = Math.max(blockMax, run(block, block.start() + done, key, filteredKey, keyStart + done, n));
            for (ParamTrack track : allTracks) {
                track.advance(n);
            }
            done += n;
            position += n;
        }
        meterDb = blockMax;
    }

    /**
     * The smoother's coefficient for one control step of {@link #STEP} samples with time constant
     * {@code timeMs}: α^STEP with α = e^(−1000/(timeMs·fs)), as one update stands for STEP samples of a
     * constant target.
     */
    public static double stepCoefficient(double timeMs, double sampleRateHz) {
        return Math.pow(Math.exp(-1000 / (timeMs * sampleRateHz)), STEP);
    }

    private void refresh() {
        t = thresholdDb.current();
        r = settings.effectiveRatio(ratio.current());
        w = kneeDb.current();
        range = expands ? rangeDb.current() : UNLIMITED_DB;
        makeup = expands ? 0 : settings.makeUp() == MakeUp.AUTO ? -GainComputer.compress(0, t, r, w) : makeupDb.current();
        slope = expands ? r - 1 : 1 - 1 / r;
        halfKnee = w / 2;
        inverseTwoKnee = w > 0 ? 1 / (2 * w) : 0;
        double attack = stepCoefficient(attackMs.current(), sampleRateHz);
        double release = stepCoefficient(releaseMs.current(), sampleRateHz);
        // Gain reduction rising is the attack of a compressor but the release (closing) of an expander.
        double up = expands ? release : attack;
        double down = expands ? attack : release;
        alphaMid = 0.5 * (up + down);
        alphaHalfSpread = 0.5 * (down - up); // falling (previous above target) takes the "down" coefficient
        alphaRms = Math.exp(-1000 / (settings.rmsMs() * sampleRateHz));
    }

    private void filterKey(AudioBlock key, int frames) {
        BiquadCoefficients c = keyFilter;
        for (int ch = 0; ch < keyCopy.length; ch++) {
            float[] x = key.channel(Math.min(ch, key.channelCount() - 1));
            float[] y = keyCopy[ch];
            double s1 = keyState[2 * ch];
            double s2 = keyState[2 * ch + 1];
            for (int i = 0; i < frames; i++) {
                double in = x[key.start() + i];
                double out = c.b0() * in + s1;
                s1 = c.b1() * in - c.a1() * out + s2;
                s2 = c.b2() * in - c.a2() * out;
                y[i] = (float) out;
            }
            keyState[2 * ch] = Math.abs(s1) < 1e-25 ? 0 : s1;
            keyState[2 * ch + 1] = Math.abs(s2) < 1e-25 ? 0 : s2;
        }
    }

    /** max(a, 0) without a branch: noise makes branches here unpredictable, which costs more than the maths. */
    private static double positive(double a) {
        return 0.5 * (a + Math.abs(a));
    }

    /**
     * Gain reduction (dB ≥ 0) of the static curve at {@code inputDb}: the branch-free form of
     * {@link GainComputer}. With d the distance past the threshold (above it for a compressor,
     * below it for an expander), c = min(max(d + W/2, 0), W) and f = c²/(2W) + max(d − W/2, 0),
     * the reduction is slope·f, slope = 1 − 1/R (compressor) or R − 1 (expander), capped at the range.
     */
    double staticReductionDb(double inputDb) {
        double d = expands ? t - inputDb : inputDb - t;
        double c = positive(d + halfKnee);
        c -= positive(c - w);
        double reduction = slope * (c * c * inverseTwoKnee + positive(d - halfKnee));
        return reduction - positive(reduction - range);
    }

    /**
     * One control step of the smooth branching detector (Giannoulis eq. 17): y = x + α·(y_prev − x)
     * with α the "up" coefficient while the reduction rises and the "down" one while it falls (each
     * raised to the power STEP). The choice is made without a branch: α = mid ± halfSpread, the
     * sign copied from (y_prev − x).
     */
    private double smooth(double previous, double target) {
        double delta = previous - target;
        return target + (alphaMid + Math.copySign(alphaHalfSpread, delta)) * delta;
    }

    /** Runs n frames; returns the largest gain reduction seen. */
    private double run(AudioBlock block, int from, AudioBlock key, float[][] filteredKey, int keyFrom, int n) {
        int channels = Math.min(block.channelCount(), smoothedDb.length);
        int keyChannels = filteredKey != null ? filteredKey.length : key.channelCount();
        for (int ch = 0; ch < channels; ch++) {
            int kc = Math.min(ch, keyChannels - 1);
            outs[ch] = block.channel(ch);
            keys[ch] = filteredKey != null ? filteredKey[kc] : key.channel(kc);
        }
        double max = settings.link() == 1 ? runLinked(channels, from, keyFrom, n) : runPerChannel(channels, from, keyFrom, n);
        for (int ch = 0; ch < channels; ch++) {
            outs[ch] = null;
            keys[ch] = null;
            if (smoothedDb[ch] < 1e-20) {
                smoothedDb[ch] = 0;
            }
            if (meanSquare[ch] < 1e-30) {
                meanSquare[ch] = 0;
            }
        }
        return max;
    }

    /** The level in dB of a detector value: a magnitude (peak) or a mean square (RMS). */
    private static double levelDb(double level, boolean rms) {
        return rms ? 0.5 * Decibels.fromGain(level + SILENCE * SILENCE) : Decibels.fromGain(level + SILENCE);
    }

    /** The gain applied at position {@code at} (0 … STEP − 1) of the step: on the line from gainFrom to gainTo. */
    private double gainAt(int ch, int at) {
        return gainFrom[ch] + (gainTo[ch] - gainFrom[ch]) * ((at + 1) * INVERSE_STEP);
    }

    /**
     * Ends a step for channel {@code ch}: smooths the reduction toward {@code targetDb} and sets the
     * line the gain follows over the next step. Returns the new reduction in dB.
     */
    private double endStep(int ch, double targetDb) {
        double reduction = smooth(smoothedDb[ch], targetDb);
        smoothedDb[ch] = reduction;
        gainFrom[ch] = gainTo[ch];
        gainTo[ch] = Decibels.toGain(makeup - reduction);
        return reduction;
    }

    /** Full stereo link: one level (the loudest channel) and one gain for all channels. */
    private double runLinked(int channels, int from, int keyFrom, int n) {
        boolean rms = settings.detector() == Detector.RMS;
        float[] recording = record;
        if (channels <= 2 && !rms) {
            return runLinkedPeak(channels == 2, recording, from, keyFrom, n);
        }
        double max = 0;
        for (int i = 0; i < n; i++) {
            int k = keyFrom + i;
            for (int ch = 0; ch < channels; ch++) {
                double v = keys[ch][k];
                if (rms) {
                    meanSquare[ch] = alphaRms * meanSquare[ch] + (1 - alphaRms) * v * v;
                } else {
                    stepLevel[0] = Math.max(stepLevel[0], Math.abs(v));
                }
            }
            double gain = gainAt(0, phase);
            for (int ch = 0; ch < channels; ch++) {
                outs[ch][from + i] = (float) (outs[ch][from + i] * gain);
            }
            if (recording != null && recordAt < recording.length) {
                recording[recordAt++] = (float) (makeup - Decibels.fromGain(gain));
            }
            if (++phase == STEP) {
                // The mean square is smoothed already: its value at the end of the step is the level.
                double level = stepLevel[0];
                if (rms) {
                    for (int ch = 0; ch < channels; ch++) {
                        level = Math.max(level, meanSquare[ch]);
                    }
                }
                max = Math.max(max, endStep(0, staticReductionDb(levelDb(level, rms))));
                stepLevel[0] = 0;
                phase = 0;
            }
        }
        return max;
    }

    /**
     * The common cases of {@link #runLinked} (mono or stereo, peak) with every array in a local. The
     * per-sample choices (stereo, recording) are the same for the whole call, so they cost nothing
     * once the branches are predicted; the loop is shared so that metering renders as fast as playing.
     */
    private double runLinkedPeak(boolean stereo, float[] recording, int from, int keyFrom, int n) {
        float[] key0 = keys[0];
        float[] key1 = keys[stereo ? 1 : 0];
        float[] out0 = outs[0];
        float[] out1 = outs[stereo ? 1 : 0];
        int recordEnd = recording == null ? 0 : recording.length;
        int recorded = recordAt;
        double level = stepLevel[0];
        double max = 0;
        int i = 0;
        while (i < n) {
            int at = phase;
            int end = Math.min(n, i + STEP - at);
            double start = gainFrom[0];
            double delta = gainTo[0] - start;
            for (; i < end; i++, at++) {
                level = Math.max(level, Math.max(Math.abs(key0[keyFrom + i]), Math.abs(key1[keyFrom + i])));
                double gain = start + delta * ((at + 1) * INVERSE_STEP); // as gainAt(0, at)
                out0[from + i] = (float) (out0[from + i] * gain);
                if (stereo) {
                    out1[from + i] = (float) (out1[from + i] * gain);
                }
                if (recorded < recordEnd) {
                    recording[recorded++] = (float) (makeup - Decibels.fromGain(gain));
                }
            }
            if (at == STEP) {
                max = Math.max(max, endStep(0, staticReductionDb(Decibels.fromGain(level + SILENCE))));
                level = 0;
                at = 0;
            }
            phase = at;
        }
        stepLevel[0] = level;
        recordAt = recorded;
        return max;
    }

    /** Partial link: each channel's own reduction blended with the loudest channel's. */
    private double runPerChannel(int channels, int from, int keyFrom, int n) {
        boolean rms = settings.detector() == Detector.RMS;
        double link = settings.link();
        float[] recording = record;
        double max = 0;
        for (int i = 0; i < n; i++) {
            int k = keyFrom + i;
            for (int ch = 0; ch < channels; ch++) {
                double v = keys[ch][k];
                if (rms) {
                    meanSquare[ch] = alphaRms * meanSquare[ch] + (1 - alphaRms) * v * v;
                } else {
                    stepLevel[ch] = Math.max(stepLevel[ch], Math.abs(v));
                }
                outs[ch][from + i] = (float) (outs[ch][from + i] * gainAt(ch, phase));
            }
            if (recording != null && recordAt < recording.length) {
                recording[recordAt++] = (float) (makeup - Decibels.fromGain(gainAt(0, phase)));
            }
            if (++phase == STEP) {
                double loudestDb = -2000;
                for (int ch = 0; ch < channels; ch++) {
                    levelDb[ch] = levelDb(rms ? meanSquare[ch] : stepLevel[ch], rms);
                    stepLevel[ch] = 0;
                    loudestDb = Math.max(loudestDb, levelDb[ch]);
                }
                double linked = staticReductionDb(loudestDb);
                for (int ch = 0; ch < channels; ch++) {
                    double own = staticReductionDb(levelDb[ch]);
                    max = Math.max(max, endStep(ch, link * linked + (1 - link) * own));
                }
                phase = 0;
            }
        }
        return max;
    }
}
