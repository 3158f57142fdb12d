package dev.mixdojo.analysis;

/**
 * The memory of one biquad on one channel (transposed direct form II, in double precision);
 * not thread-safe, one per channel and filter.
 */
public final class BiquadState {
    private final Biquad coefficients;
    private double z1;
    private double z2;

    /** A filter at rest with the given coefficients. */
    public BiquadState(Biquad coefficients) {
        this.coefficients = coefficients;
    }

    /** Filters {@code frames} samples of {@code in} into {@code out} (which may be the same array). */
    public void process(double[] in, double[] out, int frames) {
        double b0 = coefficients.b0();
        double b1 = coefficients.b1();
        double b2 = coefficients.b2();
        double a1 = coefficients.a1();
        double a2 = coefficients.a2();
        double s1 = z1;
        double s2 = z2;
        for (int i = 0; i < frames; i++) {
            double x = in[i];
            double y = b0 * x + s1;
            s1 = b1 * x - a1 * y + s2;
            s2 = b2 * x - a2 * y;
            out[i] = y;
        }
        // Flush denormals so long silences after loud passages stay fast.
        z1 = Math.abs(s1) < 1e-25 ? 0.0 : s1;
        z2 = Math.abs(s2) < 1e-25 ? 0.0 : s2;
    }

    /** Clears the memory. */
    public void reset() {
        z1 = 0.0;
        z2 = 0.0;
    }
}
