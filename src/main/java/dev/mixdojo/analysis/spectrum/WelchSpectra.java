package dev.mixdojo.analysis.spectrum;

/**
 * Long-term average power spectra from Welch's method (Hann window, 50 % overlap), one-sided and
 * scaled so that a band's sum is its mean-square power; immutable (arrays are copied out).
 * For programmes of two or more channels the left, right and cross spectra of channels 1 and 2 are kept for correlation and width.
 */
public final class WelchSpectra {
    private final double binHz;
    private final double[] totalPower;
    private final double[] leftPower;
    private final double[] rightPower;
    private final double[] crossPower;
    private final int frames;

    WelchSpectra(double binHz, double[] totalPower, double[] leftPower, double[] rightPower, double[] crossPower, int frames) {
        this.binHz = binHz;
        this.totalPower = totalPower;
        this.leftPower = leftPower;
        this.rightPower = rightPower;
        this.crossPower = crossPower;
        this.frames = frames;
    }

    /** Width of one FFT bin in Hz. */
    public double binHz() {
        return binHz;
    }

    /** Number of averaged frames. */
    public int frames() {
        return frames;
    }

    /** Whether left/right/cross spectra exist (the programme has two or more channels). */
    public boolean isStereo() {
        return leftPower != null;
    }

    /** Mean-square power per bin summed over all channels. */
    public double[] totalPower() {
        return totalPower.clone();
    }

    /** Mean-square power per bin of the left channel (stereo only). */
    public double[] leftPower() {
        return leftPower.clone();
    }

    /** Mean-square power per bin of the right channel (stereo only). */
    public double[] rightPower() {
        return rightPower.clone();
    }

    /** Real part of the left·conj(right) cross power per bin (stereo only). */
    public double[] crossPower() {
        return crossPower.clone();
    }
}
