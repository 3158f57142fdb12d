package dev.mixdojo.dsp.time;

import dev.mixdojo.dsp.AudioBlock;
import dev.mixdojo.dsp.ControlRate;
import dev.mixdojo.dsp.ProcessSpec;
import dev.mixdojo.dsp.Processor;
import dev.mixdojo.dsp.automation.ParamTrack;

/**
 * A feedback delay network reverb (Jot &amp; Chaigne 1991; Smith, "Physical Audio Signal Processing",
 * FDN reverberation): eight delay lines of mutually different lengths mixed through an orthogonal
 * (normalised Hadamard) matrix, so the loop is lossless, and an absorption gain per line
 * g_i = 10^(−3·m_i/(T60·fs)) for a line of m_i samples, so every path loses 60 dB in
 * {@code decayS} seconds and the decay is exact whatever the line lengths. Damping adds a
 * one-pole low-pass (0 dB at DC) in each line, so highs die faster while {@code decayS} stays the
 * low-frequency decay. The mono input passes a predelay and two allpass diffusers before it
 * enters the network; left and right outputs take the lines with different sign patterns.
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
    private final double[] mixed = new double[LINES];
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

    private double diffuse(int d, double x) {
        // Schroeder allpass: y = −g·x + v[n−M], v[n] = x + g·y.
        float[] buffer = diffusers[d];
        int at = diffuserAt[d];
        double delayed = buffer[at];
        double y = -DIFFUSER_GAIN * x + delayed;
        buffer[at] = (float) (x + DIFFUSER_GAIN * y);
        diffuserAt[d] = at + 1 == buffer.length ? 0 : at + 1;
        return y;
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

    private void run(int from, int n, float[] left, float[] right, boolean stereo) {
        double d = dampingCoefficient;
        double norm = 1 / Math.sqrt(LINES);
        for (int i = from; i < from + n; i++) {
            double input = stereo ? 0.5 * (left[i] + right[i]) : left[i];
            double delayedInput = predelay[predelayAt];
            predelay[predelayAt] = (float) input;
            predelayAt = predelayAt + 1 >= predelay.length ? 0 : predelayAt + 1;
            if (predelayLength == 0) {
                delayedInput = input;
            }
            double x = diffuse(1, diffuse(0, delayedInput));
            double outL = 0;
            double outR = 0;
            for (int k = 0; k < LINES; k++) {
                double s = lines[k][positions[k]];
                outL += (k & 1) == 0 ? s : -s;
                outR += (k & 2) == 0 ? s : -s;
                lowPass[k] = (1 - d) * s + d * lowPass[k];
                mixed[k] = lowPass[k] * absorption[k];
            }
            hadamard(mixed);
            for (int k = 0; k < LINES; k++) {
                double feed = mixed[k] * norm + ((k & 4) == 0 ? x : -x);
                lines[k][positions[k]] = (float) feed;
                positions[k] = positions[k] + 1 == lengths[k] ? 0 : positions[k] + 1;
            }
            double wet = mix.next();
            double scale = 0.25;
            if (stereo) {
                left[i] = (float) ((1 - wet) * left[i] + wet * scale * outL);
                right[i] = (float) ((1 - wet) * right[i] + wet * scale * outR);
            } else {
                left[i] = (float) ((1 - wet) * left[i] + wet * scale * 0.5 * (outL + outR));
            }
        }
    }

    /**
     * In-place fast Walsh–Hadamard transform of 8 values (unnormalised): the three butterfly stages
     * written out (pairs 1, 2 and 4 apart), so the values stay in registers; as loops over the stage
     * width the compiler could not unroll them, and this was a third of a reverb render.
     */
    private static void hadamard(double[] v) {
        double a0 = v[0] + v[1];
        double a1 = v[0] - v[1];
        double a2 = v[2] + v[3];
        double a3 = v[2] - v[3];
        double a4 = v[4] + v[5];
        double a5 = v[4] - v[5];
        double a6 = v[6] + v[7];
        double a7 = v[6] - v[7];
        double b0 = a0 + a2;
        double b1 = a1 + a3;
        double b2 = a0 - a2;
        double b3 = a1 - a3;
        double b4 = a4 + a6;
        double b5 = a5 + a7;
        double b6 = a4 - a6;
        double b7 = a5 - a7;
        v[0] = b0 + b4;
        v[1] = b1 + b5;
        v[2] = b2 + b6;
        v[3] = b3 + b7;
        v[4] = b0 - b4;
        v[5] = b1 - b5;
        v[6] = b2 - b6;
        v[7] = b3 - b7;
    }
}
