/**
 * Playback: the output device (Java Sound, or a silent sink when there is none), the engine
 * that plays several loaded sources with sample-accurate seek and loop, and click-free A/B
 * switching by a short crossfade at the same position.
 *
 * <p>Threading: one audio thread pulls blocks from the render function and writes them to the
 * device; it never allocates, locks or waits on the UI. Other threads change what plays only by
 * swapping immutable values ({@link dev.mixdojo.audio.playback.TransportState},
 * {@link dev.mixdojo.audio.playback.SourceSet}) into atomics, which the audio thread reads at
 * block boundaries. The same render function runs offline, without a thread, for tests and
 * for exporting A/B files.
 */
package dev.mixdojo.audio.playback;
