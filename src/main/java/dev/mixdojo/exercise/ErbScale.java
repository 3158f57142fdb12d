package dev.mixdojo.exercise;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.DoubleStream;

/**
 * The equivalent-rectangular-bandwidth scale of Glasberg &amp; Moore (1990): ERB-number
 * E(f) = 21.4·log10(1 + 0.00437·f), about one step per auditory filter. Comparing two EQ curves at
 * frequencies one ERB apart weighs each part of the spectrum as the ear's filters do: the 40 or so
 * steps give the low end (where an octave spans few auditory filters) less say than a plain
 * per-Hz or per-octave average would.
 */
final class ErbScale {
    /** The lowest and highest frequency compared (Hz): the audible range. */
    static final double LOW_HZ = 20;
    /** See {@link #LOW_HZ}. */
    static final double HIGH_HZ = 20000;

    /** Frequencies one ERB apart from {@link #LOW_HZ} up to {@link #HIGH_HZ}. */
    static final List<Double> FREQUENCIES_HZ = DoubleStream
            .iterate(erbNumber(LOW_HZ), e -> e <= erbNumber(HIGH_HZ), e -> e + 1)
            .mapToObj(ErbScale::frequencyHz).toList();

    private ErbScale() {
    }

    /** The ERB-number (Cams) of a frequency in Hz. */
    static double erbNumber(double frequencyHz) {
        return 21.4 * Math.log10(1 + 0.00437 * frequencyHz);
    }

    /** The frequency (Hz) of an ERB-number: the inverse of {@link #erbNumber}. */
    static double frequencyHz(double erbNumber) {
        return (Math.pow(10, erbNumber / 21.4) - 1) / 0.00437;
    }

    /** The mean of |response(f)| in dB over {@link #FREQUENCIES_HZ}: how far a curve is from flat, as the ear's filters count. */
    static double meanAbsDb(DoubleUnaryOperator responseDb) {
        return FREQUENCIES_HZ.stream().mapToDouble(f -> Math.abs(responseDb.applyAsDouble(f))).average().orElseThrow();
    }
}
