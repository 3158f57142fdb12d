package dev.mixdojo.analysis.report;

/** The sections (analyses) a report can contain; {@code --only} picks one. */
public enum ReportSection {
    /** Integrated, momentary and short-term loudness, loudness range, true and sample peak. */
    LOUDNESS,
    /** Long-term average spectrum in third-octave, sixth-octave and ERB bands; spectrogram. */
    SPECTRUM,
    /** Crest factors, PLR, PSR, DR score, short-term loudness histogram. */
    DYNAMICS,
    /** Correlation, width, balance, mono loss, low-frequency width, false stereo (two or more channels). */
    STEREO,
    /** Clipping, DC offset, effective bit depth, leading and trailing silence. */
    QC
}
