package dev.mixdojo.dsp.chain;

import dev.mixdojo.dsp.ProcessorSettings;
import java.util.ArrayList;
import java.util.List;

/** A validated processing chain: the settings of each processor, applied in order. Immutable. */
public record ChainDescription(List<ProcessorSettings> steps) {
    /** The empty chain: the audio as it is. */
    public static final ChainDescription NONE = new ChainDescription(List.of());

    /** Copies the list. */
    public ChainDescription {
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

    /** A fresh, unprepared processor running every step in order. */
    public Chain create() {
        return new Chain(steps.stream().map(ProcessorSettings::create).toList());
    }
}
