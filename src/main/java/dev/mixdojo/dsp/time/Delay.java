package dev.mixdojo.dsp.time;

import dev.mixdojo.dsp.AudioBlock;
import dev.mixdojo.dsp.ProcessSpec;
import dev.mixdojo.dsp.Processor;
import dev.mixdojo.dsp.automation.ParamTrack;

/**
 * Feedback delay. While the time is steady the echo lands exactly round(timeMs·fs/1000) samples
 * late; while it moves, the line is read with linear interpolation so the change glides (a
 * pitch bend, like tape) instead of clicking. One-pole low-cut and high-cut filters sit in the
 * feedback path only, so each repeat gets darker/thinner but the first echo is untouched.
 * Ping-pong: the mono input enters the left line, each line feeds the other, so repeats alternate.
 */
public final class Delay implements Processor {
    private final DelaySettings settings;
    private final ParamTrack timeMs;
    private final ParamTrack feedback;
    private final ParamTrack mix;
    private double sampleRateHz;
    private float[][] lines = new float[0][];
    private int length;
    private int writeAt;
    private double[] lowState = new double[0];
    private double[] highState = new double[0];
    private double lowCutCoefficient;
    private double highCutCoefficient;

    /** A delay with the given settings. */
    public Delay(DelaySettings settings) {
        this.settings = settings;
        this.timeMs = new ParamTrack(settings.timeMs(), 50);
        this.feedback = new ParamTrack(settings.feedback(), 20);
        this.mix = new ParamTrack(settings.mix(), 20);
    }

    @Override
    public void prepare(ProcessSpec spec) {
        sampleRateHz = spec.sampleRateHz();
        int channels = settings.pingPong() ? 2 : spec.channels();
        length = lineLength(sampleRateHz);
        lines = new float[channels][length];
        lowState = new double[channels];
        highState = new double[channels];
        lowCutCoefficient = settings.lowCutHz() > 0 ? 1 - Math.exp(-2 * Math.PI * settings.lowCutHz() / sampleRateHz) : 0;
        highCutCoefficient = settings.highCutHz() > 0
                ? 1 - Math.exp(-2 * Math.PI * settings.highCutHz() / sampleRateHz) : 1;
        timeMs.prepare(sampleRateHz);
        feedback.prepare(sampleRateHz);
        mix.prepare(sampleRateHz);
        reset();
    }

    /** Samples in each delay line at {@code sampleRateHz}: the longest time (4 s) and room to interpolate. */
    static int lineLength(double sampleRateHz) {
        return (int) Math.ceil(4000 * sampleRateHz / 1000) + 4;
    }

    @Override
    public void reset() {
        for (float[] line : lines) {
            java.util.Arrays.fill(line, 0);
        }
        java.util.Arrays.fill(lowState, 0);
        java.util.Arrays.fill(highState, 0);
        writeAt = 0;
        timeMs.reset();
        feedback.reset();
        mix.reset();
    }

    /** Feedback-path filter: one-pole high-cut then one-pole low-cut (the input minus its low-passed self). */
    private double loopFilter(int line, double x) {
        highState[line] += highCutCoefficient * (x - highState[line]);
        double y = highState[line];
        if (lowCutCoefficient > 0) {
            lowState[line] += lowCutCoefficient * (y - lowState[line]);
            y -= lowState[line];
        }
        return y;
    }

    private double read(int line, double delaySamples, boolean steady) {
        float[] buffer = lines[line];
        if (steady) {
            int d = (int) Math.round(delaySamples);
            int at = writeAt - d;
            return buffer[at < 0 ? at + length : at];
        }
        int whole = (int) delaySamples;
        double fraction = delaySamples - whole;
        int at = writeAt - whole;
        int a = at < 0 ? at + length : at;
        int b = a == 0 ? length - 1 : a - 1;
        return buffer[a] + fraction * (buffer[b] - buffer[a]);
    }

    @Override
    public void process(AudioBlock block) {
        int channels = block.channelCount();
        boolean pingPong = settings.pingPong() && channels >= 2;
        for (int i = block.start(), end = block.start() + block.frames(); i < end; i++) {
            boolean steady = timeMs.isSteady();
            double delaySamples = Math.max(1, timeMs.next() * sampleRateHz / 1000);
            double fb = feedback.next();
            double wet = mix.next();
            if (pingPong) {
                float[] left = block.channel(0);
                float[] right = block.channel(1);
                double outL = read(0, delaySamples, steady);
                double outR = read(1, delaySamples, steady);
                double mono = 0.5 * (left[i] + right[i]);
                lines[0][writeAt] = (float) (mono + fb * loopFilter(0, outR));
                lines[1][writeAt] = (float) (fb * loopFilter(1, outL));
                left[i] = (float) ((1 - wet) * left[i] + wet * outL);
                right[i] = (float) ((1 - wet) * right[i] + wet * outR);
            } else {
                for (int ch = 0; ch < Math.min(channels, lines.length); ch++) {
                    float[] x = block.channel(ch);
                    double out = read(ch, delaySamples, steady);
                    lines[ch][writeAt] = (float) (x[i] + fb * loopFilter(ch, out));
                    x[i] = (float) ((1 - wet) * x[i] + wet * out);
                }
            }
            writeAt = writeAt + 1 == length ? 0 : writeAt + 1;
        }
        for (int ch = 0; ch < lowState.length; ch++) {
            if (Math.abs(lowState[ch]) < 1e-25) {
                lowState[ch] = 0;
            }
            if (Math.abs(highState[ch]) < 1e-25) {
                highState[ch] = 0;
            }
        }
    }
}
