package dev.mixdojo.dsp;

import java.util.Map;
import java.util.Optional;

/**
 * The validated description of one processor in a chain (one entry of the chain vocabulary in
 * DESIGN.md): it names its kind, lists its parameters for writing back out, and builds a fresh
 * processor. Immutable and thread-safe.
 */
public interface ProcessorSettings {

    /** The vocabulary key, e.g. {@code "eq"} or {@code "compressor"}. */
    String kind();

    /**
     * The parameters in vocabulary order: values are {@code Double}, {@code Integer},
     * {@code Boolean}, {@code String} or {@code dev.mixdojo.dsp.automation.Param}.
     */
    Map<String, Object> parameters();

    /** A new processor set to these settings (not yet prepared). */
    Processor create();

    /**
     * Why the processor cannot run at {@code sampleRateHz} (one sentence, e.g. an EQ frequency at or
     * above the Nyquist frequency), or empty when it can.
     */
    default Optional<String> unusableAt(double sampleRateHz) {
        return Optional.empty();
    }

    /** Bytes the processor allocates when prepared for {@code spec} beyond a few kilobytes (delay lines). */
    default long stateBytes(ProcessSpec spec) {
        return 0;
    }

    /** Whether the processor needs a stereo block (panner, balance, width, ping-pong delay). */
    default boolean needsStereo() {
        return false;
    }

    /**
     * Whether the processor treats every channel alone and alike, as one instance per channel would
     * (nothing linked, mixed or panned across channels): then a channel rendered by an instance of its
     * own comes out with the same bits, and an offline render may run the channels side by side.
     */
    default boolean channelsApart() {
        return false;
    }
}
