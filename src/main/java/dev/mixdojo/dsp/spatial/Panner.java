package dev.mixdojo.dsp.spatial;

import dev.mixdojo.dsp.AudioBlock;
import dev.mixdojo.dsp.ProcessSpec;
import dev.mixdojo.dsp.Processor;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.automation.ParamTrack;

/**
 * Places a mono source (the mean of the block's first two channels) between left and right by a
 * {@link PanLaw}; needs a stereo block (a mono block is left untouched). Position is ramped over
 * 20 ms when changed and follows automation sample by sample.
 */
public final class Panner implements Processor {
    private final PanLaw law;
    private final ParamTrack position;

    /** A panner for the given settings. */
    public Panner(PanSettings settings) {
        this.law = settings.law();
        this.position = new ParamTrack(settings.position(), 20);
    }

    /** Moves to a new position (−1…1, or automated); the change is ramped. Any thread. */
    public void setPosition(Param newPosition) {
        position.set(newPosition);
    }

    @Override
    public void prepare(ProcessSpec spec) {
        position.prepare(spec.sampleRateHz());
    }

    @Override
    public void reset() {
        position.reset();
    }

    @Override
    public void process(AudioBlock block) {
        int frames = block.frames();
        if (block.channelCount() < 2) {
            position.advance(frames);
            return;
        }
        float[] left = block.channel(0);
        float[] right = block.channel(1);
        boolean steady = position.isSteady();
        double p = position.current();
        double gl = law.leftGain(p);
        double gr = law.rightGain(p);
        for (int i = block.start(), end = block.start() + frames; i < end; i++) {
            if (!steady) {
                p = position.next();
                gl = law.leftGain(p);
                gr = law.rightGain(p);
            }
            double mono = 0.5 * (left[i] + right[i]);
            left[i] = (float) (gl * mono);
            right[i] = (float) (gr * mono);
        }
        if (steady) {
            position.advance(frames);
        }
    }
}
