package dev.mixdojo.audio.playback;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/** Opens and starts an output line; the seam where tests put a failing device. */
@FunctionalInterface
interface LineFactory {
    /**
     * An open, started line for {@code format} on {@code device} (null for the system default)
     * with a buffer of {@code bufferFrames} frames; throws as Java Sound does when it cannot
     * (IllegalArgumentException, LineUnavailableException, SecurityException).
     */
    SourceDataLine open(OutputDevice device, AudioFormat format, int bufferFrames) throws LineUnavailableException;
}
