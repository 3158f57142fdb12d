package dev.mixdojo.dsp.time;

import dev.mixdojo.dsp.AudioBlock;
import dev.mixdojo.dsp.ControlRate;
import dev.mixdojo.dsp.ProcessSpec;
import dev.mixdojo.dsp.Processor;
import dev.mixdojo.dsp.automation.ParamTrack;

/**
 * A feedback delay network reverb (Jot &amp; Chaigne 1991): eight delay lines mixed through a normalised
 * Hadamard matrix (lossless), each with the absorption gain g = 10^(−3·m/(T60·fs)) for its m samples,
 * so every path loses 60 dB in {@code decayS}; damping adds a one-pole low-pass per line, and the
 * mono input passes a predelay and two allpass diffusers first.
 */
public final class Reverb implements Processor {
    private static final int LINES = 8;
    /** Line lengths in ms at size 0.5; roughly log-spaced and mutually prime once in samples. */
    private static final double[] BASE_MS = {31.7, 37.3, 41.9, 47.1, 53.3, 59.9, 67.1, 73.7};
    private static final double[] DIFFUSER_MS = {4.771, 1.637};
    private static final double DIFFUSER_GAIN = 0.6;

    private final ReverbSettings settings;
    private final ParamTrack decayS;
    private final ParamTrack damping;
    private final ParamTrack mix;
    private double sampleRateHz;
    private final float[][] lines = new float[LINES][];
    private final int[] lengths = new int[LINES];
    private final int[] positions = new int[LINES];
    private final double[] absorption = new double[LINES];
    private final double[] lowPass = new double[LINES];
    private float[] predelay = new float[1];
    private int predelayAt;
    private int predelayLength;
    private final float[][] diffusers = new float[2][];
    private final int[] diffuserAt = new int[2];
    private double dampingCoefficient;
    private long position;

    /** A reverb with the given settings. */
    public Reverb(ReverbSettings settings) {
        this.settings = settings;
        this.decayS = new ParamTrack(settings.decayS(), 20);
        this.damping = new ParamTrack(settings.damping(), 20);
        this.mix = new ParamTrack(settings.mix(), 20);
    }

    @Override
    public void prepare(ProcessSpec spec) {
        sampleRateHz = spec.sampleRateHz();
        double scale = 0.5 + settings.size(); // size 0 → half, 1 → one and a half the base lengths
        for (int i = 0; i < LINES; i++) {
            int m = (int) Math.round(BASE_MS[i] * scale * sampleRateHz / 1000);
            lengths[i] = nextPrime(Math.max(m, 2 + i));
            lines[i] = new float[lengths[i]];
        }
        predelayLength = (int) Math.round(settings.predelayMs() * sampleRateHz / 1000);
        predelay = new float[Math.max(1, predelayLength)];
        for (int d = 0; d < 2; d++) {
            diffusers[d] = new float[Math.max(1, (int) Math.round(DIFFUSER_MS[d] * sampleRateHz / 1000))];
        }
        decayS.prepare(sampleRateHz);
        damping.prepare(sampleRateHz);
        mix.prepare(sampleRateHz);
        reset();
    }

    /** About how many samples the lines of a reverb with {@code settings} hold at {@code sampleRateHz}. */
    static long samplesAllocated(ReverbSettings settings, double sampleRateHz) {
        double lineMs = java.util.Arrays.stream(BASE_MS).sum() * (0.5 + settings.size());
        double allMs = lineMs + settings.predelayMs() + java.util.Arrays.stream(DIFFUSER_MS).sum();
        return (long) Math.ceil(allMs * sampleRateHz / 1000) + LINES + 2;
    }

    private static int nextPrime(int n) {
        int candidate = n;
        while (!isPrime(candidate)) {
            candidate++;
        }
        return candidate;
    }

    private static boolean isPrime(int n) {
        if (n < 2) {
            return false;
        }
        for (int f = 2; (long) f * f <= n; f++) {
            if (n % f == 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void reset() {
        for (float[] line : lines) {
            java.util.Arrays.fill(line, 0);
        }
        java.util.Arrays.fill(positions, 0);
        java.util.Arrays.fill(lowPass, 0);
        java.util.Arrays.fill(predelay, 0);
        predelayAt = 0;
        for (float[] diffuser : diffusers) {
            java.util.Arrays.fill(diffuser, 0);
        }
        diffuserAt[0] = 0;
        diffuserAt[1] = 0;
        decayS.reset();
        damping.reset();
        mix.reset();
        position = 0;
        updateLoop();
    }

    private void updateLoop() {
        double t60 = decayS.current();
        for (int i = 0; i < LINES; i++) {
            absorption[i] = Math.pow(10, -3.0 * lengths[i] / (t60 * sampleRateHz));
        }
        dampingCoefficient = 0.85 * damping.current();
    }

    @Override
    public void process(AudioBlock block) {
        int channels = block.channelCount();
        float[] left = block.channel(0);
        float[] right = block.channel(channels > 1 ? 1 : 0);
        int done = 0;
        int frames = block.frames();
        while (done < frames) {
            boolean steady = decayS.isSteady() && damping.isSteady();
            if (!steady && ControlRate.onGrid(position)) {
                updateLoop();
            }
            int n = ControlRate.chunk(position, frames - done, !steady);
            decayS.advance(n);
            damping.advance(n);
            run(block.start() + done, n, left, right, channels > 1);
            done += n;
            position += n;
        }
        for (int i = 0; i < LINES; i++) {
            if (Math.abs(lowPass[i]) < 1e-25) {
                lowPass[i] = 0;
            }
        }
    }

    /**
     * Runs the network over {@code n} frames with every state variable in a local and the eight lines,
     * the Hadamard butterflies (pairs 1, 2 and 4 apart) and the two Schroeder allpasses
     * (y = −g·x + v[n−M], v[n] = x + g·y) written out, so the values stay in registers; within a span
     * no line wraps, so each line is read and written at one moving index.
     */
    private void run(int from, int n, float[] left, float[] right, boolean stereo) {
        double d = dampingCoefficient;
        double c = 1 - d;
        double norm = 1 / Math.sqrt(LINES);
        float[] b0 = lines[0], b1 = lines[1], b2 = lines[2], b3 = lines[3];
        float[] b4 = lines[4], b5 = lines[5], b6 = lines[6], b7 = lines[7];
        double g0 = absorption[0], g1 = absorption[1], g2 = absorption[2], g3 = absorption[3];
        double g4 = absorption[4], g5 = absorption[5], g6 = absorption[6], g7 = absorption[7];
        double lp0 = lowPass[0], lp1 = lowPass[1], lp2 = lowPass[2], lp3 = lowPass[3];
        double lp4 = lowPass[4], lp5 = lowPass[5], lp6 = lowPass[6], lp7 = lowPass[7];
        float[] pre = predelay;
        int preAt = predelayAt;
        boolean noPredelay = predelayLength == 0;
        float[] f0 = diffusers[0];
        float[] f1 = diffusers[1];
        int at0 = diffuserAt[0];
        int at1 = diffuserAt[1];
        boolean steadyMix = mix.isSteady();
        double steadyWet = mix.current();
        double scale = 0.25;
        int end = from + n;
        int i = from;
        while (i < end) {
            int span = end - i;
            for (int k = 0; k < LINES; k++) {
                span = Math.min(span, lengths[k] - positions[k]);
            }
            int q0 = positions[0] - i, q1 = positions[1] - i, q2 = positions[2] - i, q3 = positions[3] - i;
            int q4 = positions[4] - i, q5 = positions[5] - i, q6 = positions[6] - i, q7 = positions[7] - i;
            for (int stop = i + span; i < stop; i++) {
                double input = stereo ? 0.5 * (left[i] + right[i]) : left[i];
                double delayedInput = noPredelay ? input : pre[preAt];
                pre[preAt] = (float) input;
                preAt = preAt + 1 == pre.length ? 0 : preAt + 1;
                double y0 = -DIFFUSER_GAIN * delayedInput + f0[at0];
                f0[at0] = (float) (delayedInput + DIFFUSER_GAIN * y0);
                at0 = at0 + 1 == f0.length ? 0 : at0 + 1;
                double x = -DIFFUSER_GAIN * y0 + f1[at1];
                f1[at1] = (float) (y0 + DIFFUSER_GAIN * x);
                at1 = at1 + 1 == f1.length ? 0 : at1 + 1;

                double s0 = b0[q0 + i], s1 = b1[q1 + i], s2 = b2[q2 + i], s3 = b3[q3 + i];
                double s4 = b4[q4 + i], s5 = b5[q5 + i], s6 = b6[q6 + i], s7 = b7[q7 + i];
                double outL = s0 - s1 + s2 - s3 + s4 - s5 + s6 - s7;
                double outR = s0 + s1 - s2 - s3 + s4 + s5 - s6 - s7;
                lp0 = c * s0 + d * lp0;
                lp1 = c * s1 + d * lp1;
                lp2 = c * s2 + d * lp2;
                lp3 = c * s3 + d * lp3;
                lp4 = c * s4 + d * lp4;
                lp5 = c * s5 + d * lp5;
                lp6 = c * s6 + d * lp6;
                lp7 = c * s7 + d * lp7;
                double m0 = lp0 * g0, m1 = lp1 * g1, m2 = lp2 * g2, m3 = lp3 * g3;
                double m4 = lp4 * g4, m5 = lp5 * g5, m6 = lp6 * g6, m7 = lp7 * g7;
                double a0 = m0 + m1, a1 = m0 - m1, a2 = m2 + m3, a3 = m2 - m3;
                double a4 = m4 + m5, a5 = m4 - m5, a6 = m6 + m7, a7 = m6 - m7;
                double e0 = a0 + a2, e1 = a1 + a3, e2 = a0 - a2, e3 = a1 - a3;
                double e4 = a4 + a6, e5 = a5 + a7, e6 = a4 - a6, e7 = a5 - a7;
                b0[q0 + i] = (float) ((e0 + e4) * norm + x);
                b1[q1 + i] = (float) ((e1 + e5) * norm + x);
                b2[q2 + i] = (float) ((e2 + e6) * norm + x);
                b3[q3 + i] = (float) ((e3 + e7) * norm + x);
                b4[q4 + i] = (float) ((e0 - e4) * norm - x);
                b5[q5 + i] = (float) ((e1 - e5) * norm - x);
                b6[q6 + i] = (float) ((e2 - e6) * norm - x);
                b7[q7 + i] = (float) ((e3 - e7) * norm - x);

                double wet = steadyMix ? steadyWet : mix.next();
                if (stereo) {
                    left[i] = (float) ((1 - wet) * left[i] + wet * scale * outL);
                    right[i] = (float) ((1 - wet) * right[i] + wet * scale * outR);
                } else {
                    left[i] = (float) ((1 - wet) * left[i] + wet * scale * 0.5 * (outL + outR));
                }
            }
            for (int k = 0; k < LINES; k++) {
                positions[k] = positions[k] + span == lengths[k] ? 0 : positions[k] + span;
            }
        }
        if (steadyMix) {
            mix.advance(n);
        }
        predelayAt = preAt;
        diffuserAt[0] = at0;
        diffuserAt[1] = at1;
        lowPass[0] = lp0;
        lowPass[1] = lp1;
        lowPass[2] = lp2;
        lowPass[3] = lp3;
        lowPass[4] = lp4;
        lowPass[5] = lp5;
        lowPass[6] = lp6;
        lowPass[7] = lp7;
    }
}
