package dev.mixdojo.grading;

import java.util.List;

/**
 * The per-stem parameters estimated from stems and a mix; immutable.
 *
 * @param mixOffsetFrames how many frames later the mix starts than the stems (negative: earlier), found by cross-correlation
 * @param residualDb      energy the stems cannot explain, relative to the mix's energy, in dB (−∞ for an exact linear mix)
 * @param stems           one estimate per stem, in the order given
 * @param timelines       per stem (same order), its level frame by frame and its gain window by window
 */
public record MixEstimate(int mixOffsetFrames, double residualDb, List<StemEstimate> stems, List<StemTimeline> timelines) {

    /** Copies the lists. */
    public MixEstimate {
        stems = List.copyOf(stems);
        timelines = List.copyOf(timelines);
    }
}
