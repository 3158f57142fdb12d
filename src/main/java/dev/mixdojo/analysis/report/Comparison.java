package dev.mixdojo.analysis.report;

import dev.mixdojo.analysis.spectrum.BandLevels;

/**
 * A programme against a reference track (programme minus reference throughout); immutable.
 * Values that cannot be formed (a silent file, a section not analysed) are NaN.
 *
 * @param referenceFile the reference file's name as given
 * @param integratedDifferenceLu integrated loudness difference in LU
 * @param loudnessRangeDifferenceLu loudness range difference in LU
 * @param truePeakDifferenceDb true peak difference in dB
 * @param plrDifferenceDb peak-to-loudness ratio difference in dB
 * @param tonalBalanceDb third-octave band differences in dB at equal loudness (null without spectra)
 * @param widthRatioDifference side/mid energy ratio difference (NaN unless both are stereo)
 */
public record Comparison(
        String referenceFile,
        double integratedDifferenceLu,
        double loudnessRangeDifferenceLu,
        double truePeakDifferenceDb,
        double plrDifferenceDb,
        BandLevels tonalBalanceDb,
        double widthRatioDifference) {
}
