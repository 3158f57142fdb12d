package dev.mixdojo.analysis.qc;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Technical quality checks of a file's samples; immutable.
 *
 * @param clippedRuns runs of {@value QcAnalyzer#MIN_CLIP_RUN} or more consecutive samples at full
 *     scale (|x| ≥ {@value QcAnalyzer#FULL_SCALE}) on any channel; channels clipping together count once
 * @param clippedSamples frames inside those runs (counted once however many channels clip)
 * @param firstClipTimesS start times of the first few runs, in seconds
 * @param dcOffset the largest of the channels' means over their quietest 100 ms blocks, as a fraction of full
 *     scale (signed): an offset, not the asymmetry of a waveform that averages away where the part is silent
 * @param effectiveBits bits actually used by the samples (16 for a 16-bit source padded to 24;
 *     {@value QcAnalyzer#FINER_THAN_32_BITS} for float data finer than 32-bit PCM; 0 for digital silence)
 * @param leadingSilenceS time before the first sample above {@value QcAnalyzer#SILENCE_DBFS} dBFS, in seconds
 * @param trailingSilenceS time after the last sample above that level, in seconds
 * @param problems the findings a mastering engineer would flag, one sentence each
 */
public record QcResult(
        int clippedRuns,
        long clippedSamples,
        List<Double> firstClipTimesS,
        double dcOffset,
        int effectiveBits,
        double leadingSilenceS,
        double trailingSilenceS,
        List<String> problems) {

    /** Copies the lists. */
    public QcResult {
        firstClipTimesS = List.copyOf(firstClipTimesS);
        problems = List.copyOf(problems);
    }

    /** The clipping problem as one sentence, or empty when the file does not clip. */
    public Optional<String> clippingProblem() {
        return clippingSentence(clippedRuns, firstClipTimesS);
    }

    /** The DC-offset problem as one sentence, or empty when the offset is below {@link QcAnalyzer#DC_PROBLEM}. */
    public Optional<String> dcProblem() {
        return dcSentence(dcOffset);
    }

    /**
     * The bit-depth problem as one sentence, or empty: only {@code effectiveBits} (at most 16) of the bits the file
     * declares are used. {@code declaredBits} is the file's PCM bit depth, or 0 when unknown or float; a genuine
     * 16-bit file uses its 16 bits and has no problem.
     */
    public Optional<String> paddedBitsProblem(int declaredBits) {
        if (effectiveBits <= 0 || effectiveBits > 16 || (declaredBits > 0 && effectiveBits >= declaredBits)) {
            return Optional.empty();
        }
        return Optional.of(declaredBits > 0
                ? String.format(Locale.ROOT, "Only %d of the %d bits are used: %d-bit audio padded to %d bits, with no "
                        + "more resolution than %d-bit.", effectiveBits, declaredBits, effectiveBits, declaredBits, effectiveBits)
                : String.format(Locale.ROOT, "Only %d bits are used: the audio has no more resolution than %d-bit.",
                        effectiveBits, effectiveBits));
    }

    static Optional<String> clippingSentence(int clippedRuns, List<Double> firstClipTimesS) {
        return clippedRuns == 0 ? Optional.empty() : Optional.of(String.format(Locale.ROOT,
                "The file clips: %d run%s of %d or more full-scale samples, the first at %.2f s.",
                clippedRuns, clippedRuns == 1 ? "" : "s", QcAnalyzer.MIN_CLIP_RUN, firstClipTimesS.get(0)));
    }

    static Optional<String> dcSentence(double dcOffset) {
        return Math.abs(dcOffset) <= QcAnalyzer.DC_PROBLEM ? Optional.empty() : Optional.of(String.format(Locale.ROOT,
                "There is a DC offset of %.1f dBFS; a high-pass filter below 20 Hz removes it.",
                20 * Math.log10(Math.abs(dcOffset))));
    }
}
