package dev.mixdojo.dsp.spatial;

import dev.mixdojo.dsp.AudioBlock;
import dev.mixdojo.dsp.ProcessSpec;
import dev.mixdojo.dsp.Processor;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.automation.ParamTrack;

/**
 * A stereo processor driven by one parameter, applied sample by sample to the first two channels
 * (ramped over 20 ms when set, automated sample-accurately); a mono block passes unchanged.
 */
abstract class StereoSampleProcessor implements Processor {
    private final ParamTrack value;

    StereoSampleProcessor(Param initial) {
        this.value = new ParamTrack(initial, 20);
    }

    /** Sets a new parameter value (or automation); the change is ramped. Any thread. */
    void set(Param parameter) {
        value.set(parameter);
    }

    /** Changes one frame in place, given the parameter's value at that frame. */
    abstract void apply(float[] left, float[] right, int index, double parameter);

    @Override
    public final void prepare(ProcessSpec spec) {
        value.prepare(spec.sampleRateHz());
    }

    @Override
    public final void reset() {
        value.reset();
    }

    @Override
    public final void process(AudioBlock block) {
        if (block.channelCount() < 2) {
            value.advance(block.frames());
            return;
        }
        float[] left = block.channel(0);
        float[] right = block.channel(1);
        for (int i = block.start(), end = block.start() + block.frames(); i < end; i++) {
            apply(left, right, i, value.next());
        }
    }
}
