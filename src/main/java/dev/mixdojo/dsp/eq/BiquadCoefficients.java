package dev.mixdojo.dsp.eq;

/**
 * One second-order section H(z) = (b0 + b1·z⁻¹ + b2·z⁻²)/(1 + a1·z⁻¹ + a2·z⁻²), normalised by a0.
 * A value apart from any filter state; the factories design matched-response sections
 * ({@link MatchedDesign}, Vicanek 2016) whose magnitude follows the analogue prototype up to Nyquist.
 * Frequencies are in Hz (kept below 0.45·fs), Q is dimensionless (&gt; 0), gains in dB.
 */
public record BiquadCoefficients(double b0, double b1, double b2, double a1, double a2) {

    /** The section that passes everything unchanged. */
    public static final BiquadCoefficients IDENTITY = new BiquadCoefficients(1, 0, 0, 0, 0);

    /** Rejects non-finite coefficients. */
    public BiquadCoefficients {
        if (!(Double.isFinite(b0) && Double.isFinite(b1) && Double.isFinite(b2) && Double.isFinite(a1)
                && Double.isFinite(a2))) {
            throw new IllegalArgumentException("biquad coefficients must be finite");
        }
    }

    /** Peaking (bell) EQ of {@code gainDb} at {@code frequencyHz} with bandwidth {@code q}. */
    public static BiquadCoefficients peak(double frequencyHz, double q, double gainDb, double sampleRateHz) {
        double[] c = new double[5];
        new MatchedDesign(sampleRateHz).peak(frequencyHz, q, gainDb, c, 0);
        return of(c, 0);
    }

    /** Low shelf of {@code gainDb} below {@code frequencyHz} (the half-gain point), slope set by {@code q}. */
    public static BiquadCoefficients lowShelf(double frequencyHz, double q, double gainDb, double sampleRateHz) {
        double[] c = new double[5];
        new MatchedDesign(sampleRateHz).lowShelf(frequencyHz, q, gainDb, c, 0);
        return of(c, 0);
    }

    /** High shelf of {@code gainDb} above {@code frequencyHz} (the half-gain point), slope set by {@code q}. */
    public static BiquadCoefficients highShelf(double frequencyHz, double q, double gainDb, double sampleRateHz) {
        double[] c = new double[5];
        new MatchedDesign(sampleRateHz).highShelf(frequencyHz, q, gainDb, c, 0);
        return of(c, 0);
    }

    /** 12 dB/octave low-pass with corner {@code frequencyHz} and resonance {@code q} (0.7071 = Butterworth). */
    public static BiquadCoefficients lowPass(double frequencyHz, double q, double sampleRateHz) {
        double[] c = new double[5];
        new MatchedDesign(sampleRateHz).lowPass(frequencyHz, q, c, 0);
        return of(c, 0);
    }

    /** 12 dB/octave high-pass with corner {@code frequencyHz} and resonance {@code q} (0.7071 = Butterworth). */
    public static BiquadCoefficients highPass(double frequencyHz, double q, double sampleRateHz) {
        double[] c = new double[5];
        new MatchedDesign(sampleRateHz).highPass(frequencyHz, q, c, 0);
        return of(c, 0);
    }

    /** Notch at {@code frequencyHz}, width set by {@code q}. */
    public static BiquadCoefficients notch(double frequencyHz, double q, double sampleRateHz) {
        double[] c = new double[5];
        new MatchedDesign(sampleRateHz).notch(frequencyHz, q, c, 0);
        return of(c, 0);
    }

    /** Band-pass with 0 dB at {@code frequencyHz}, width set by {@code q}. */
    public static BiquadCoefficients bandPass(double frequencyHz, double q, double sampleRateHz) {
        double[] c = new double[5];
        new MatchedDesign(sampleRateHz).bandPass(frequencyHz, q, c, 0);
        return of(c, 0);
    }

    /** The section whose b0, b1, b2, a1, a2 stand in {@code c} from {@code at} on. */
    static BiquadCoefficients of(double[] c, int at) {
        return new BiquadCoefficients(c[at], c[at + 1], c[at + 2], c[at + 3], c[at + 4]);
    }

    /** Gain in dB of this section at {@code frequencyHz} when run at {@code sampleRateHz}. */
    public double magnitudeDbAt(double frequencyHz, double sampleRateHz) {
        return 10 * Math.log10(powerAt(b0, b1, b2, a1, a2, 2 * Math.PI * frequencyHz / sampleRateHz));
    }

    /** True when both poles are strictly inside the unit circle (the section is stable). */
    public boolean isStable() {
        return Math.abs(a2) < 1 && Math.abs(a1) < 1 + a2;
    }

    /** |H(e^{jw})|² of a section at {@code w} radians per sample. */
    static double powerAt(double b0, double b1, double b2, double a1, double a2, double w) {
        double c1 = Math.cos(w);
        double s1 = Math.sin(w);
        double c2 = Math.cos(2 * w);
        double s2 = Math.sin(2 * w);
        double numRe = b0 + b1 * c1 + b2 * c2;
        double numIm = -b1 * s1 - b2 * s2;
        double denRe = 1 + a1 * c1 + a2 * c2;
        double denIm = -a1 * s1 - a2 * s2;
        return (numRe * numRe + numIm * numIm) / (denRe * denRe + denIm * denIm);
    }
}
