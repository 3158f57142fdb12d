package dev.mixdojo.dsp;

/**
 * An audio processor (JUCE's dsp contract). Threading: {@link #prepare} and {@link #reset} are
 * called while audio is stopped; {@link #process} runs on the audio thread (or offline) and must
 * never allocate, lock, log, block or throw. Parameters are set in user units (Hz, dB, ms, ratio)
 * through each processor's setters and smoothed where they change gain or frequency.
 */
public interface Processor {

    /** Prepares for the given sample rate, largest block and channel count; may allocate. */
    void prepare(ProcessSpec spec);

    /** Processes the block in place. Never allocates, locks, logs or throws. */
    void process(AudioBlock block);

    /** Clears all state (delay lines, envelopes, filter memory), keeping the parameters. */
    void reset();
}
