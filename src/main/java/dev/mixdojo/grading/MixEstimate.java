package dev.mixdojo.grading;

import java.util.List;

/**
 * The per-stem parameters estimated from stems and a mix; immutable.
 *
 * @param mixOffsetFrames how many frames later the mix starts than the stems (negative: earlier), found by cross-correlation
 * @param residualDb      energy the stems cannot explain, relative to the mix's energy over the compared span, in dB
 *                        (very negative for an exact linear mix)
 * @param comparedFromS   where the compared span starts, in seconds of the stems
 * @param comparedToS     where it ends: the span every mix covers, less the ends where a mix fades or is cut
 * @param mono            whether the mix's two channels carry the same signal (a mono bounce), or it has one channel
 * @param model           the fit itself: which bins make each band, the stems' cross-spectra, the gains found
 * @param stems           one estimate per stem, in the order given
 * @param timelines       per stem (same order), its level frame by frame and window by window
 */
public record MixEstimate(int mixOffsetFrames, double residualDb, double comparedFromS, double comparedToS, boolean mono,
        Model model, List<StemEstimate> stems, List<StemTimeline> timelines) {

    /**
     * The least-squares fit the estimate comes from, for a model of what a change to the mix would do to it.
     *
     * @param bands the FFT bins each band is fitted on
     * @param cross the stems' cross-spectra per fitted bin (the same for every mix of one estimation)
     * @param gains the complex gain of every stem per channel and band in this mix
     */
    public record Model(BandLayout bands, CrossSpectra cross, ComplexGains gains) {
    }

    /** Copies the lists. */
    public MixEstimate {
        stems = List.copyOf(stems);
        timelines = List.copyOf(timelines);
    }

    /** The same estimate, saying whether the mix as handed in was mono (when it was estimated folded to mono). */
    public MixEstimate withMono(boolean monoMix) {
        return new MixEstimate(mixOffsetFrames, residualDb, comparedFromS, comparedToS, monoMix, model, stems, timelines);
    }

    /** The FFT bins each band is fitted on. */
    public BandLayout bands() {
        return model.bands();
    }

    /** The estimate restricted to its first {@code n} stems (the fit's model keeps them all). */
    public MixEstimate firstStems(int n) {
        return new MixEstimate(mixOffsetFrames, residualDb, comparedFromS, comparedToS, mono, model, stems.subList(0, n),
                timelines.subList(0, n));
    }
}
