package dev.mixdojo.grading;

import java.util.Arrays;

/**
 * Which FFT bins make up each third-octave band of an estimate: a band's gain is fitted on bins
 * {@code firstBin[b]}, {@code firstBin[b] + stride[b]}, … below {@code endBin[b]}. A model of what an EQ does to the
 * estimated gains averages its response over the same bins. Immutable (the arrays are copied).
 *
 * @param binHz    the width of one FFT bin, in Hz
 * @param firstBin each band's first bin
 * @param endBin   each band's end (exclusive)
 * @param stride   each band's step between the bins it uses
 */
public record BandLayout(double binHz, int[] firstBin, int[] endBin, int[] stride) {

    /** Copies the arrays and checks they have one entry per band. */
    public BandLayout {
        firstBin = firstBin.clone();
        endBin = endBin.clone();
        stride = stride.clone();
        if (endBin.length != firstBin.length || stride.length != firstBin.length) {
            throw new IllegalArgumentException("one first bin, end bin and stride per band expected");
        }
    }

    /** How many bands. */
    public int bands() {
        return firstBin.length;
    }

    /** The frequencies (Hz) of the bins band {@code b} is fitted on; empty for a band no bin falls in. */
    public double[] binsHz(int b) {
        int count = Math.max(0, (endBin[b] - firstBin[b] + stride[b] - 1) / stride[b]);
        double[] out = new double[count];
        for (int k = 0; k < count; k++) {
            out[k] = (firstBin[b] + k * stride[b]) * binHz;
        }
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BandLayout l && binHz == l.binHz && Arrays.equals(firstBin, l.firstBin)
                && Arrays.equals(endBin, l.endBin) && Arrays.equals(stride, l.stride);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(firstBin) * 31 + Arrays.hashCode(stride);
    }

    @Override
    public String toString() {
        return "BandLayout[" + firstBin.length + " bands, " + binHz + " Hz bins]";
    }
}
