package dev.mixdojo.dsp.tone;

import dev.mixdojo.dsp.AudioBlock;
import dev.mixdojo.dsp.Decibels;
import dev.mixdojo.dsp.ProcessSpec;
import dev.mixdojo.dsp.Processor;
import dev.mixdojo.dsp.automation.ParamTrack;

/**
 * Waveshaping saturation run at 4× the sample rate ({@link Oversampler}), so the harmonics above
 * the audio band are filtered out instead of folding back as inharmonic aliases. The dry path is
 * delayed by the oversampler's latency ({@value Oversampler#LATENCY_FRAMES} samples) so a partial
 * mix does not comb-filter; a 5 Hz DC blocker follows the asymmetric curve.
 */
public final class Saturation implements Processor {
    private static final double DC_BLOCK_HZ = 5;

    private final SaturationSettings settings;
    private final ParamTrack driveDb;
    private final ParamTrack mix;
    private Oversampler[] oversamplers = new Oversampler[0];
    private float[][] dryDelay = new float[0][];
    private int dryAt;
    private double[] dcIn = new double[0];
    private double[] dcOut = new double[0];
    private double dcPole;
    private double[] driveGain = new double[0];
    private double[] wet = new double[0];
    private float[] wetSignal = new float[0];

    /** A saturation processor with the given settings. */
    public Saturation(SaturationSettings settings) {
        this.settings = settings;
        this.driveDb = new ParamTrack(settings.driveDb(), 20);
        this.mix = new ParamTrack(settings.mix(), 20);
    }

    /** Delay of the output relative to the input, in samples. */
    public int latencyFrames() {
        return Oversampler.LATENCY_FRAMES;
    }

    @Override
    public void prepare(ProcessSpec spec) {
        int channels = spec.channels();
        oversamplers = new Oversampler[channels];
        for (int ch = 0; ch < channels; ch++) {
            oversamplers[ch] = new Oversampler(spec.maxBlockFrames());
        }
        driveGain = new double[spec.maxBlockFrames()];
        wet = new double[spec.maxBlockFrames()];
        wetSignal = new float[spec.maxBlockFrames()];
        dryDelay = new float[channels][Oversampler.LATENCY_FRAMES];
        dcIn = new double[channels];
        dcOut = new double[channels];
        dcPole = Math.exp(-2 * Math.PI * DC_BLOCK_HZ / spec.sampleRateHz());
        driveDb.prepare(spec.sampleRateHz());
        mix.prepare(spec.sampleRateHz());
        reset();
    }

    @Override
    public void reset() {
        for (Oversampler o : oversamplers) {
            o.reset();
        }
        for (float[] d : dryDelay) {
            java.util.Arrays.fill(d, 0);
        }
        java.util.Arrays.fill(dcIn, 0);
        java.util.Arrays.fill(dcOut, 0);
        dryAt = 0;
        driveDb.reset();
        mix.reset();
    }

    @Override
    public void process(AudioBlock block) {
        int capacity = driveGain.length;
        if (capacity == 0) {
            throw new IllegalStateException("prepare the saturation before processing");
        }
        for (int done = 0; done < block.frames(); done += capacity) {
            run(block, block.start() + done, Math.min(capacity, block.frames() - done));
        }
    }

    /** Processes n frames from {@code from}: all of the block unless it is longer than prepared for. */
    private void run(AudioBlock block, int from, int n) {
        Shape shape = settings.type();
        boolean blockDc = shape == Shape.ASYMMETRIC;
        int channels = Math.min(block.channelCount(), oversamplers.length);
        for (int j = 0; j < n; j++) {
            driveGain[j] = Decibels.toGain(driveDb.next());
            wet[j] = mix.next();
        }
        int first = Oversampler.first();
        for (int ch = 0; ch < channels; ch++) {
            float[] x = block.channel(ch);
            Oversampler o = oversamplers[ch];
            float[] input = o.input();
            for (int j = 0; j < n; j++) {
                input[first + j] = (float) (x[from + j] * driveGain[j]);
            }
            o.up(n);
            for (float[] phase : o.phases()) {
                shape.applyInPlace(phase, first, first + n);
            }
            o.down(n, wetSignal);
            float[] delay = dryDelay[ch];
            int at = dryAt;
            for (int j = 0; j < n; j++) {
                double y = wetSignal[j];
                if (blockDc) {
                    double out = y - dcIn[ch] + dcPole * dcOut[ch];
                    dcIn[ch] = y;
                    dcOut[ch] = Math.abs(out) < 1e-25 ? 0 : out;
                    y = out;
                }
                double dry = delay[at];
                delay[at] = x[from + j];
                at = at + 1 == Oversampler.LATENCY_FRAMES ? 0 : at + 1;
                x[from + j] = (float) ((1 - wet[j]) * dry + wet[j] * y);
            }
        }
        dryAt = (dryAt + n) % Oversampler.LATENCY_FRAMES;
    }
}
