package dev.mixdojo.material.synth;

/**
 * A state-variable filter for synthesis (Simper 2013, "Linear trapezoidal integrated SVF",
 * Cytomic technical paper): low-pass, band-pass and high-pass outputs of one 2-pole section,
 * stable under fast cutoff changes, which is why the synth voices use it for sweeps. Not
 * thread-safe; one per voice.
 */
public final class Svf {
    private double a1;
    private double a2;
    private double a3;
    private double k;
    private double ic1eq;
    private double ic2eq;
    private double low;
    private double band;
    private double high;

    /** Sets cutoff (Hz, clamped below Nyquist) and resonance Q (0.5 gentle … 20 ringing). */
    public void set(double cutoffHz, double q) {
        double limited = Math.min(Math.max(cutoffHz, 10.0), SynthMath.SAMPLE_RATE_HZ * 0.45);
        double g = StrictMath.tan(StrictMath.PI * limited / SynthMath.SAMPLE_RATE_HZ);
        k = 1.0 / q;
        a1 = 1.0 / (1.0 + g * (g + k));
        a2 = g * a1;
        a3 = g * a2;
    }

    /** Filters one sample; read the outputs with {@link #low()}, {@link #band()}, {@link #high()}. */
    public void tick(double input) {
        double v3 = input - ic2eq;
        double v1 = a1 * ic1eq + a2 * v3;
        double v2 = ic2eq + a2 * ic1eq + a3 * v3;
        ic1eq = 2 * v1 - ic1eq;
        ic2eq = 2 * v2 - ic2eq;
        low = v2;
        band = v1;
        high = input - k * v1 - v2;
    }

    /** Filters one sample and returns the low-pass output. */
    public double lowPass(double input) {
        tick(input);
        return low;
    }

    /** Filters one sample and returns the band-pass output scaled to unity gain at the centre. */
    public double bandPass(double input) {
        tick(input);
        return k * band;
    }

    /** Filters one sample and returns the high-pass output. */
    public double highPass(double input) {
        tick(input);
        return high;
    }

    public double low() {
        return low;
    }

    /** The last band-pass output, unity gain at the centre. */
    public double band() {
        return k * band;
    }

    public double high() {
        return high;
    }

    /** Clears the filter memory. */
    public void reset() {
        ic1eq = 0;
        ic2eq = 0;
    }
}
