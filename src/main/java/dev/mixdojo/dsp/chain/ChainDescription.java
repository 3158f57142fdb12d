package dev.mixdojo.dsp.chain;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.dsp.ProcessSpec;
import dev.mixdojo.dsp.ProcessorSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A validated processing chain: the settings of each processor, applied in order. Immutable. */
public record ChainDescription(List<ProcessorSettings> steps) {
    /** Most entries in one chain: real chains have a handful, and each entry costs time and memory. */
    public static final int MAX_STEPS = 100;
    /** Most memory the entries of one chain may allocate (delay lines, reverb lines), in bytes. */
    public static final long MAX_STATE_BYTES = 256L << 20;

    /** The empty chain: the audio as it is. */
    public static final ChainDescription NONE = new ChainDescription(List.of());

    /** Copies the list; more than {@link #MAX_STEPS} entries is a sentence. */
    public ChainDescription {
        if (steps.size() > MAX_STEPS) {
            throw new BadInputException("a chain may have at most " + MAX_STEPS + " entries, this one has "
                    + steps.size() + "; combine them (one gain or EQ entry can do the work of several).");
        }
        steps = List.copyOf(steps);
    }

    /** A chain of these steps, in order. */
    public static ChainDescription of(ProcessorSettings... steps) {
        return new ChainDescription(List.of(steps));
    }

    /** This chain's steps followed by {@code next}'s: one chain. */
    public ChainDescription then(ChainDescription next) {
        List<ProcessorSettings> both = new ArrayList<>(steps);
        both.addAll(next.steps);
        return new ChainDescription(both);
    }

    /** Whether any processor needs stereo audio (mono input should then be duplicated to two channels). */
    public boolean needsStereo() {
        return steps.stream().anyMatch(ProcessorSettings::needsStereo);
    }

    /** Whether every step treats the channels apart ({@link ProcessorSettings#channelsApart}). */
    public boolean channelsApart() {
        return steps.stream().allMatch(ProcessorSettings::channelsApart);
    }

    /**
     * Checks that the chain can run as {@code spec} says: every entry usable at the sample rate (an
     * EQ frequency below the Nyquist frequency) and the memory of all entries within
     * {@link #MAX_STATE_BYTES}; else a sentence naming the entry.
     */
    public void checkFor(ProcessSpec spec) {
        long bytes = 0;
        for (int i = 0; i < steps.size(); i++) {
            ProcessorSettings step = steps.get(i);
            int number = i + 1;
            step.unusableAt(spec.sampleRateHz()).ifPresent(problem -> {
                throw new BadInputException("chain entry " + number + " (" + step.kind() + "): " + problem);
            });
            bytes += step.stateBytes(spec);
            if (bytes > MAX_STATE_BYTES) {
                throw new BadInputException(String.format(Locale.ROOT, "chain entry %d (%s) brings the memory the chain"
                        + " needs at %.0f Hz with %d channels to %d MiB, more than the %d MiB allowed; use fewer delay"
                        + " or reverb entries.", number, step.kind(), spec.sampleRateHz(), spec.channels(), bytes >> 20,
                        MAX_STATE_BYTES >> 20));
            }
        }
    }

    /** A fresh, unprepared processor running every step in order. */
    public Chain create() {
        return new Chain(steps.stream().map(ProcessorSettings::create).toList(),
                steps.stream().map(ProcessorSettings::kind).toList());
    }
}
