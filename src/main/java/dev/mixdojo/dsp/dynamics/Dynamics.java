package dev.mixdojo.dsp.dynamics;

import dev.mixdojo.dsp.AudioBlock;
import dev.mixdojo.dsp.ControlRate;
import dev.mixdojo.dsp.FastMath;
import dev.mixdojo.dsp.ProcessSpec;
import dev.mixdojo.dsp.Processor;
import dev.mixdojo.dsp.automation.ParamTrack;
import dev.mixdojo.dsp.eq.BiquadCoefficients;

/**
 * Feed-forward compressor / limiter / expander / gate in the log domain (Giannoulis, Massberg &amp;
 * Reiss, JAES 2012, fig. 7(b)): level detection (peak or RMS) → dB → static gain computer →
 * gain reduction smoothed by the "smooth branching" peak detector of their eq. (17) →
 * make-up gain. The attack and release times are time constants: after a step, the gain
 * reduction (in dB) covers 1 − 1/e ≈ 63 % of its way in attackMs (or releaseMs), since each smoothing
 * coefficient is α = exp(−1/(τ·fs)). For expanders and gates, "attack" is how fast the gain
 * reduction falls (the gate opens) and "release" how fast it rises (the gate closes).
 * An external key (side-chain) can drive the detector; an optional 12 dB/oct high-pass filters
 * the key. The gain reduction is exposed as a per-block meter and, offline, per sample.
 */
public final class Dynamics implements Processor {
    private static final double RAMP_MS = 20;
    private static final double SILENCE = 1e-12;

    private final DynamicsSettings settings;
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
    private float[][] keyCopy = new float[0][];
    private BiquadCoefficients keyFilter;
    private volatile double meterDb;
    private float[] record;
    private int recordAt;
    private long position;

    // Current gain-computer values, refreshed per sub-block.
    private double t;
    private double r;
    private double w;
    private double range;
    private double makeup;
    private double alphaUp;
    private double alphaDown;
    private double alphaRms;

    /** A processor for the given settings; call {@link #prepare} before use. */
    public Dynamics(DynamicsSettings settings) {
        this.settings = settings;
        thresholdDb = new ParamTrack(settings.thresholdDb(), RAMP_MS);
        ratio = new ParamTrack(settings.ratio(), RAMP_MS);
        kneeDb = new ParamTrack(settings.kneeDb(), RAMP_MS);
        attackMs = new ParamTrack(settings.attackMs(), RAMP_MS);
        releaseMs = new ParamTrack(settings.releaseMs(), RAMP_MS);
        makeupDb = new ParamTrack(settings.makeupDb(), RAMP_MS);
        rangeDb = new ParamTrack(settings.rangeDb(), RAMP_MS);
        allTracks = new ParamTrack[] {thresholdDb, ratio, kneeDb, attackMs, releaseMs, makeupDb, rangeDb};
    }

    @Override
    public void prepare(ProcessSpec spec) {
        sampleRateHz = spec.sampleRateHz();
        int channels = spec.channels();
        smoothedDb = new double[channels];
        meanSquare = new double[channels];
        levelDb = new double[channels];
        keyState = new double[2 * channels];
        keyCopy = new float[channels][spec.maxBlockFrames()];
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
        recordAt = 0;
        meterDb = 0;
        position = 0;
        refresh();
    }

    /** The largest gain reduction in dB (≥ 0) during the last processed block. Any thread. */
    public double gainReductionDb() {
        return meterDb;
    }

    /**
     * Offline metering: from now on (and again from each {@link #reset}), the gain reduction in dB of channel 0 is written
     * to {@code perSample[i]} for sample i, until the array is full. Pass null to stop.
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
        AudioBlock source = key;
        int keyStart = key.start();
        float[][] keyChannels = null;
        if (keyFilter != null) {
            filterKey(key, frames);
            keyChannels = keyCopy;
            keyStart = 0;
        }
        double blockMax = 0;
        int done = 0;
        while (done < frames) {
            boolean steady = true;
            for (ParamTrack track : allTracks) {
                steady &= track.isSteady();
            }
            if (!steady && ControlRate.onGrid(position)) {
                refresh();
            }
            int n = ControlRate.chunk(position, frames - done, !steady);
            blockMax = Math.max(blockMax, run(block, block.start() + done, source, keyChannels, keyStart + done, n));
            for (ParamTrack track : allTracks) {
                track.advance(n);
            }
            done += n;
            position += n;
        }
        meterDb = blockMax;
    }

    private void refresh() {
        t = thresholdDb.current();
        r = settings.effectiveRatio(ratio.current());
        w = kneeDb.current();
        range = settings.mode().expands() ? rangeDb.current() : Double.POSITIVE_INFINITY;
        makeup = settings.mode().expands() ? 0
                : settings.autoMakeup() ? -(GainComputer.compress(0, t, r, w)) : makeupDb.current();
        double attack = Math.exp(-1000 / (attackMs.current() * sampleRateHz));
        double release = Math.exp(-1000 / (releaseMs.current() * sampleRateHz));
        // Gain reduction rising is the attack of a compressor but the release (closing) of an expander.
        alphaUp = settings.mode().expands() ? release : attack;
        alphaDown = settings.mode().expands() ? attack : release;
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

    private double staticReductionDb(double inputDb) {
        double out = settings.mode().expands()
                ? GainComputer.expand(inputDb, t, r, w, range)
                : GainComputer.compress(inputDb, t, r, w);
        return inputDb - out;
    }

    private double smooth(double previous, double target) {
        double alpha = target > previous ? alphaUp : alphaDown;
        return alpha * previous + (1 - alpha) * target;
    }

    /** Runs n frames; returns the largest gain reduction seen. */
    private double run(AudioBlock block, int from, AudioBlock key, float[][] filteredKey, int keyFrom, int n) {
        int channels = Math.min(block.channelCount(), smoothedDb.length);
        int keyChannels = filteredKey != null ? filteredKey.length : key.channelCount();
        boolean rms = settings.detector() == Detector.RMS;
        double link = settings.link();
        double max = 0;
        for (int i = 0; i < n; i++) {
            // Level of each key channel in dB.
            double loudestDb = -2000;
            for (int ch = 0; ch < channels; ch++) {
                int kc = Math.min(ch, keyChannels - 1);
                double v = filteredKey != null ? filteredKey[kc][keyFrom + i] : key.channel(kc)[keyFrom + i];
                double db;
                if (rms) {
                    meanSquare[ch] = alphaRms * meanSquare[ch] + (1 - alphaRms) * v * v;
                    db = 0.5 * FastMath.gainToDb(meanSquare[ch] + SILENCE * SILENCE);
                } else {
                    db = FastMath.gainToDb(Math.abs(v) + SILENCE);
                }
                levelDb[ch] = db;
                loudestDb = Math.max(loudestDb, db);
            }
            if (link == 1) {
                double reduction = smooth(smoothedDb[0], staticReductionDb(loudestDb));
                double gain = FastMath.dbToGain(makeup - reduction);
                for (int ch = 0; ch < channels; ch++) {
                    smoothedDb[ch] = reduction;
                    float[] x = block.channel(ch);
                    x[from + i] = (float) (x[from + i] * gain);
                }
                max = Math.max(max, reduction);
            } else {
                double linked = staticReductionDb(loudestDb);
                for (int ch = 0; ch < channels; ch++) {
                    double own = staticReductionDb(levelDb[ch]);
                    double reduction = smooth(smoothedDb[ch], link * linked + (1 - link) * own);
                    smoothedDb[ch] = reduction;
                    float[] x = block.channel(ch);
                    x[from + i] = (float) (x[from + i] * FastMath.dbToGain(makeup - reduction));
                    max = Math.max(max, reduction);
                }
            }
            if (record != null && recordAt < record.length) {
                record[recordAt++] = (float) smoothedDb[0];
            }
        }
        for (int ch = 0; ch < channels; ch++) {
            if (smoothedDb[ch] < 1e-20) {
                smoothedDb[ch] = 0;
            }
            if (meanSquare[ch] < 1e-30) {
                meanSquare[ch] = 0;
            }
        }
        return max;
    }
}
