package dev.mixdojo.analysis.spectrum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of contiguous frequency bands (centre, lower and upper edge in Hz); immutable and
 * thread-safe. Fractional-octave bands use base-2 centres around 1 kHz (IEC 61260-1); ERB bands
 * are one ERB wide on the Glasberg &amp; Moore (1990) ERB-number scale.
 */
public final class FrequencyBands {
    private final String name;
    private final double[] centresHz;
    private final double[] lowerHz;
    private final double[] upperHz;

    private FrequencyBands(String name, double[] centresHz, double[] lowerHz, double[] upperHz) {
        this.name = name;
        this.centresHz = centresHz;
        this.lowerHz = lowerHz;
        this.upperHz = upperHz;
    }

    /** Bands of 1/{@code fraction} octave whose centres lie in [minHz, maxHz]. */
    public static FrequencyBands fractionalOctave(int fraction, double minHz, double maxHz) {
        if (fraction < 1 || !(minHz > 0) || !(maxHz > minHz)) {
            throw new IllegalArgumentException("need a positive fraction and 0 < minHz < maxHz");
        }
        List<double[]> bands = new ArrayList<>();
        int first = (int) Math.ceil(fraction * Math.log(minHz / 1000) / Math.log(2) - 1e-9);
        for (int k = first;; k++) {
            double centre = 1000 * Math.pow(2, k / (double) fraction);
            if (centre > maxHz * (1 + 1e-9)) {
                break;
            }
            double half = Math.pow(2, 0.5 / fraction);
            bands.add(new double[] {centre, centre / half, centre * half});
        }
        String name = fraction == 1 ? "octave" : "1/" + fraction + " octave";
        return of(name, bands);
    }

    /** Octave bands 31.25 Hz … 16 kHz (nominally 31.5 … 16k). */
    public static FrequencyBands octaves(double maxHz) {
        return fractionalOctave(1, 30, Math.min(16000, maxHz));
    }

    /** Third-octave bands 20 Hz … 20 kHz, limited to {@code maxHz}. */
    public static FrequencyBands thirdOctaves(double maxHz) {
        return fractionalOctave(3, 19.5, Math.min(20200, maxHz));
    }

    /** Sixth-octave bands 20 Hz … 20 kHz, limited to {@code maxHz}. */
    public static FrequencyBands sixthOctaves(double maxHz) {
        return fractionalOctave(6, 19.5, Math.min(20200, maxHz));
    }

    /** Bands one ERB wide from 20 Hz up to {@code maxHz} (Glasberg &amp; Moore 1990: ERBs = 21.4·log10(1 + 0.00437·f)). */
    public static FrequencyBands erb(double maxHz) {
        List<double[]> bands = new ArrayList<>();
        double top = Math.min(20000, maxHz);
        for (double e = erbNumber(20);; e += 1) {
            double lower = erbToHz(e);
            double upper = erbToHz(e + 1);
            if (upper > top) {
                break;
            }
            bands.add(new double[] {erbToHz(e + 0.5), lower, upper});
        }
        return of("ERB", bands);
    }

    static double erbNumber(double hz) {
        return 21.4 * Math.log10(1 + 0.00437 * hz);
    }

    static double erbToHz(double erbNumber) {
        return (Math.pow(10, erbNumber / 21.4) - 1) / 0.00437;
    }

    private static FrequencyBands of(String name, List<double[]> bands) {
        int n = bands.size();
        double[] c = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = bands.get(i)[0];
            lo[i] = bands.get(i)[1];
            hi[i] = bands.get(i)[2];
        }
        return new FrequencyBands(name, c, lo, hi);
    }

    /** Human name of the band set, e.g. "1/3 octave". */
    public String name() {
        return name;
    }

    /** Number of bands. */
    public int count() {
        return centresHz.length;
    }

    /** Centre of band {@code i} in Hz. */
    public double centreHz(int i) {
        return centresHz[i];
    }

    /** Lower edge of band {@code i} in Hz. */
    public double lowerHz(int i) {
        return lowerHz[i];
    }

    /** Upper edge of band {@code i} in Hz. */
    public double upperHz(int i) {
        return upperHz[i];
    }

    /** The first {@code n} bands (for comparing spectra whose sample rates cut off different top bands). */
    public FrequencyBands first(int n) {
        if (n < 0 || n > count()) {
            throw new IllegalArgumentException("cannot take " + n + " of " + count() + " bands");
        }
        return new FrequencyBands(name, Arrays.copyOf(centresHz, n), Arrays.copyOf(lowerHz, n), Arrays.copyOf(upperHz, n));
    }

    /** A copy of the centres in Hz. */
    public double[] centresHz() {
        return centresHz.clone();
    }

    /**
     * Sums a one-sided power spectrum (bin k covers [(k−½)·binHz, (k+½)·binHz]) into these bands,
     * splitting a bin between bands in proportion to the overlap, so narrow low bands still get
     * their share of a wide bin.
     */
    public double[] sum(double[] binPower, double binHz) {
        double[] out = new double[count()];
        for (int b = 0; b < count(); b++) {
            int first = Math.max(0, (int) Math.floor(lowerHz[b] / binHz + 0.5));
            int last = Math.min(binPower.length - 1, (int) Math.floor(upperHz[b] / binHz + 0.5));
            double sum = 0;
            for (int k = first; k <= last; k++) {
                double binLow = (k - 0.5) * binHz;
                double binHigh = (k + 0.5) * binHz;
                double overlap = Math.min(binHigh, upperHz[b]) - Math.max(binLow, lowerHz[b]);
                if (overlap > 0) {
                    sum += binPower[k] * overlap / binHz;
                }
            }
            out[b] = sum;
        }
        return out;
    }

    @Override
    public String toString() {
        return name + " bands " + Arrays.toString(centresHz);
    }
}
