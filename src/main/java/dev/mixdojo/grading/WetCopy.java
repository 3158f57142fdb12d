package dev.mixdojo.grading;

import dev.mixdojo.audio.AudioBuffer;

/**
 * A stem as the target sends it through one of its buses (its inserts and pan, fader, send and return at 0 dB): one
 * more regressor of the fit, whose gain over the dry stem's gain is the stem's send level.
 *
 * @param stem   the stem's name
 * @param aspect {@link Aspect#REVERB} or {@link Aspect#DELAY}: the bus it went through
 * @param audio  the wet copy
 */
public record WetCopy(String stem, Aspect aspect, AudioBuffer audio) {
    /** Checks the aspect is a send's. */
    public WetCopy {
        if (aspect != Aspect.REVERB && aspect != Aspect.DELAY) {
            throw new IllegalArgumentException("a wet copy goes through the reverb or the delay bus, not " + aspect);
        }
    }
}
