package dev.mixdojo.mix;

import dev.mixdojo.dsp.AudioBlock;
import dev.mixdojo.dsp.ProcessSpec;
import dev.mixdojo.dsp.dynamics.Dynamics;
import dev.mixdojo.dsp.dynamics.DynamicsSettings;
import dev.mixdojo.dsp.eq.EqSettings;
import dev.mixdojo.dsp.eq.ParametricEq;

/**
 * A track's inserts as running processors: its EQ bands (one {@link ParametricEq}, absent without
 * bands), then its compressor (absent without one). Made and prepared on a control thread; processed,
 * moved and reset on the audio thread.
 */
final class LiveInserts {
    private final ParametricEq eq;
    private final Dynamics compressor;

    private LiveInserts(ParametricEq eq, Dynamics compressor) {
        this.eq = eq;
        this.compressor = compressor;
    }

    /** The strip's inserts, prepared for {@code spec}; the chain is checked against its sample rate first. */
    static LiveInserts of(ChannelStrip strip, ProcessSpec spec) {
        strip.inserts().checkFor(spec);
        ParametricEq eq = strip.eq().isEmpty() ? null : new ParametricEq(strip.eq());
        Dynamics compressor = strip.compressor().map(Dynamics::new).orElse(null);
        if (eq != null) {
            eq.prepare(spec);
        }
        if (compressor != null) {
            compressor.prepare(spec);
        }
        return new LiveInserts(eq, compressor);
    }

    /** Whether a strip with inserts {@code before} can glide to {@code after}'s by moving numbers alone. */
    static boolean sameShape(ChannelStrip before, ChannelStrip after) {
        if (before.eq().size() != after.eq().size() || before.compressor().isPresent() != after.compressor().isPresent()) {
            return false;
        }
        for (int b = 0; b < before.eq().size(); b++) {
            if (!before.eq().get(b).sameShape(after.eq().get(b))) {
                return false;
            }
        }
        return before.compressor().map(c -> c.sameShape(after.compressor().orElseThrow())).orElse(true);
    }

    void process(AudioBlock block) {
        if (eq != null) {
            eq.process(block);
        }
        if (compressor != null) {
            compressor.process(block);
        }
    }

    void reset() {
        if (eq != null) {
            eq.reset();
        }
        if (compressor != null) {
            compressor.reset();
        }
    }

    void setBand(int band, EqSettings settings) {
        eq.setBand(band, settings);
    }

    void setCompressor(DynamicsSettings settings) {
        compressor.set(settings);
    }

    /** The compressor's largest gain reduction in the last block, dB ≥ 0 (0 without one). */
    double gainReductionDb() {
        return compressor == null ? 0 : compressor.gainReductionDb();
    }
}
