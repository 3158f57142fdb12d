package dev.mixdojo.dsp.chain;

import dev.mixdojo.dsp.AudioBlock;
import dev.mixdojo.dsp.ProcessSpec;
import dev.mixdojo.dsp.Processor;
import java.util.List;
import java.util.Locale;

/** Processors run one after another on the same block; follows the processor contract itself. */
public final class Chain implements Processor {
    private final Processor[] processors;
    private final String[] kinds;

    /** A chain of the given processors, in order, each named by its class (for messages). */
    public Chain(List<Processor> processors) {
        this(processors, processors.stream().map(p -> p.getClass().getSimpleName().toLowerCase(Locale.ROOT)).toList());
    }

    /** A chain of the given processors, in order, named by their vocabulary kinds (for messages). */
    Chain(List<Processor> processors, List<String> kinds) {
        if (processors.size() != kinds.size()) {
            throw new IllegalArgumentException(processors.size() + " processors but " + kinds.size() + " kinds");
        }
        this.processors = processors.toArray(new Processor[0]);
        this.kinds = kinds.toArray(new String[0]);
    }

    /** The processors, in order. */
    public List<Processor> processors() {
        return List.of(processors);
    }

    /** The vocabulary kind of entry {@code index} (0-based), e.g. {@code "compressor"}. */
    String kind(int index) {
        return kinds[index];
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

    /**
     * Offline only: processes the block like {@link #process} but looks at the peak after every
     * entry, and returns the index (0-based) of the first entry whose output holds a sample that is
     * not finite, or that made the block louder than it was and above {@code maxPeak} (linear); -1
     * when every entry kept the audio in range. The block is then partly processed.
     */
    int processChecked(AudioBlock block, double maxPeak) {
        double before = peak(block);
        for (int i = 0; i < processors.length; i++) {
            processors[i].process(block);
            double after = peak(block);
            if (!Double.isFinite(after) || after > maxPeak && after > before) {
                return i;
            }
            before = after;
        }
        return -1;
    }

    /** The largest magnitude in the block; infinite when any sample is NaN or infinite. */
    static double peak(AudioBlock block) {
        float peak = 0;
        for (int c = 0; c < block.channelCount(); c++) {
            float[] samples = block.channel(c);
            for (int i = block.start(), end = block.start() + block.frames(); i < end; i++) {
                float magnitude = Math.abs(samples[i]);
                // NaN fails every comparison, so test for it apart.
                if (!(magnitude <= Float.MAX_VALUE)) {
                    return Double.POSITIVE_INFINITY;
                }
                peak = Math.max(peak, magnitude);
            }
        }
        return peak;
    }

    @Override
    public void reset() {
        for (Processor p : processors) {
            p.reset();
        }
    }
}
