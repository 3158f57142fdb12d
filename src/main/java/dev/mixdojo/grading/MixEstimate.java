package dev.mixdojo.grading;

import java.util.List;

/**
 * The per-stem parameters estimated from stems and a mix; immutable.
 *
 * @param mixOffsetFrames how many frames later the mix starts than the stems (negative: earlier), found by cross-correlation
 * @param residualDb      energy the stems cannot explain, relative to the mix's energy, in dB (−∞ for an exact linear mix)
 * @param stems           one estimate per stem, in the order given
 */
public record MixEstimate(int mixOffsetFrames, double residualDb, List<StemEstimate> stems) {

    /** Copies the list. */
    public MixEstimate {
        stems = List.copyOf(stems);
    }
}
