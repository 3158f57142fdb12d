package dev.mixdojo.analysis.report;

import dev.mixdojo.analysis.dynamics.DynamicsResult;
import dev.mixdojo.analysis.loudness.LoudnessResult;
import dev.mixdojo.analysis.qc.QcResult;
import dev.mixdojo.analysis.spectrum.SpectrumResult;
import dev.mixdojo.analysis.spectrum.TonalBalance;
import dev.mixdojo.analysis.stereo.StereoResult;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything measured about one programme; immutable. Sections that were not asked for (or do
 * not apply, like stereo on a mono file) are empty.
 *
 * @param file the file name as the user gave it
 * @param sampleRateHz sample rate in Hz
 * @param channelCount channels in the file
 * @param durationS duration in seconds
 * @param sections the analyses asked for
 * @param loudness loudness section, present when asked for (and used by the others)
 * @param spectrum spectrum section
 * @param dynamics dynamics section
 * @param stereo stereo section (two or more channels only)
 * @param qc technical QC section
 * @param notes sentences about how the file was measured (mono, channels used, short programme)
 * @param problems sentences about what a mastering engineer would fix, from every section
 * @param comparison comparison with a reference track, when one was given
 */
public record ProgrammeAnalysis(
        String file,
        int sampleRateHz,
        int channelCount,
        double durationS,
        Set<ReportSection> sections,
        Optional<LoudnessResult> loudness,
        Optional<SpectrumResult> spectrum,
        Optional<DynamicsResult> dynamics,
        Optional<StereoResult> stereo,
        Optional<QcResult> qc,
        List<String> notes,
        List<String> problems,
        Optional<Comparison> comparison) {

    /** Copies the sets and lists. */
    public ProgrammeAnalysis {
        sections = Set.copyOf(sections);
        notes = List.copyOf(notes);
        problems = List.copyOf(problems);
    }

    /** This analysis with a comparison against {@code reference} (programme minus reference). */
    public ProgrammeAnalysis comparedWith(ProgrammeAnalysis reference) {
        double nan = Double.NaN;
        double integrated = loudness.isPresent() && reference.loudness.isPresent()
                ? loudness.get().integratedLufs() - reference.loudness.get().integratedLufs() : nan;
        double lra = loudness.isPresent() && reference.loudness.isPresent()
                ? loudness.get().loudnessRangeLu() - reference.loudness.get().loudnessRangeLu() : nan;
        double truePeak = loudness.isPresent() && reference.loudness.isPresent()
                ? loudness.get().truePeakDbtp() - reference.loudness.get().truePeakDbtp() : nan;
        double plr = loudness.isPresent() && reference.loudness.isPresent()
                ? loudness.get().plrDb() - reference.loudness.get().plrDb() : nan;
        var tonal = spectrum.isPresent() && reference.spectrum.isPresent()
                ? TonalBalance.difference(spectrum.get().thirdOctave(), reference.spectrum.get().thirdOctave()) : null;
        double width = stereo.isPresent() && reference.stereo.isPresent()
                ? stereo.get().widthRatio() - reference.stereo.get().widthRatio() : nan;
        Comparison c = new Comparison(reference.file, finiteOrNan(integrated), finiteOrNan(lra), finiteOrNan(truePeak),
                finiteOrNan(plr), tonal, finiteOrNan(width));
        return new ProgrammeAnalysis(file, sampleRateHz, channelCount, durationS, sections, loudness, spectrum, dynamics,
                stereo, qc, notes, problems, Optional.of(c));
    }

    private static double finiteOrNan(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }
}
