package dev.mixdojo.audio.playback;

/** Where the audio thread's blocks go: a device line, the silent clock, or a test's capture. */
public interface AudioSink {
    /**
     * Takes {@code frames} frames of {@code block} (channels × frames, -1…1), returning when
     * the sink can take the next block, so the caller runs at the sink's pace; audio thread
     * only, allocation-free.
     */
    void write(float[][] block, int frames);

    /** Makes a pending or later {@link #write} return soon, so the audio thread can see it must stop; any thread. */
    void wake();

    /** Releases the device; call after the audio thread has stopped. */
    void close();
}
