package dev.mixdojo.dsp.spatial;

import dev.mixdojo.dsp.AudioBlock;
import dev.mixdojo.dsp.Decibels;
import dev.mixdojo.dsp.ProcessSpec;
import dev.mixdojo.dsp.Processor;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.automation.ParamTrack;

/**
 * Gain in dB, automated sample-accurately and ramped (in dB, over 20 ms) when changed. An automation's
 * clock counts samples from the last reset, or follows a transport through {@link #resetTo} and
 * {@link #moveTo}.
 */
public final class Gain implements Processor {
    private final ParamTrack gainDb;

    /** A gain processor starting at {@code gainDb}. */
    public Gain(Param gainDb) {
        this.gainDb = new ParamTrack(gainDb, 20);
    }

    /** Sets a new gain; the change is ramped. Any thread. */
    public void setGainDb(Param newGainDb) {
        gainDb.set(newGainDb);
    }

    /** Resets and sets the automation's clock to {@code frame} samples from the start (playback starting there). */
    public void resetTo(long frame) {
        gainDb.resetTo(frame);
    }

    /** Moves the automation's clock to {@code frame} (a seek or loop wrap); the gain glides to its value there over the ramp. */
    public void moveTo(long frame) {
        gainDb.moveTo(frame);
    }

    @Override
    public void prepare(ProcessSpec spec) {
        gainDb.prepare(spec.sampleRateHz());
    }

    @Override
    public void reset() {
        gainDb.reset();
    }

    @Override
    public void process(AudioBlock block) {
        int start = block.start();
        int frames = block.frames();
        int channels = block.channelCount();
        if (gainDb.isSteady()) {
            float g = (float) Decibels.toGain(gainDb.current());
            gainDb.advance(frames);
            for (int ch = 0; ch < channels; ch++) {
                float[] x = block.channel(ch);
                for (int i = start, end = start + frames; i < end; i++) {
                    x[i] *= g;
                }
            }
            return;
        }
        for (int i = start, end = start + frames; i < end; i++) {
            double g = Decibels.toGain(gainDb.next());
            for (int ch = 0; ch < channels; ch++) {
                float[] x = block.channel(ch);
                x[i] = (float) (x[i] * g);
            }
        }
    }
}
