package dev.mixdojo.dsp.chain;

import dev.mixdojo.dsp.AudioBlock;
import dev.mixdojo.dsp.ProcessSpec;
import dev.mixdojo.dsp.Processor;
import java.util.List;

/** Processors run one after another on the same block; follows the processor contract itself. */
public final class Chain implements Processor {
    private final Processor[] processors;

    /** A chain of the given processors, in order. */
    public Chain(List<Processor> processors) {
        this.processors = processors.toArray(new Processor[0]);
    }

    /** The processors, in order. */
    public List<Processor> processors() {
        return List.of(processors);
    }

    @Override
    public void prepare(ProcessSpec spec) {
        for (Processor p : processors) {
            p.prepare(spec);
        }
    }

    @Override
    public void process(AudioBlock block) {
        for (Processor p : processors) {
            p.process(block);
        }
    }

    @Override
    public void reset() {
        for (Processor p : processors) {
            p.reset();
        }
    }
}
