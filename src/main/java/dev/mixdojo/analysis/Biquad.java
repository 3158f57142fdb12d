package dev.mixdojo.analysis;

/**
 * Coefficients of one second-order IIR section, normalised so that a0 = 1; an immutable value
 * apart from the filter memory ({@link BiquadState}). Safe to share between threads.
 *
 * @param b0 feed-forward coefficient for x[n]
 * @param b1 feed-forward coefficient for x[n-1]
 * @param b2 feed-forward coefficient for x[n-2]
 * @param a1 feedback coefficient for y[n-1] (sign as in y[n] = … − a1·y[n-1] − a2·y[n-2])
 * @param a2 feedback coefficient for y[n-2]
 */
public record Biquad(double b0, double b1, double b2, double a1, double a2) {

    /** Refuses non-finite coefficients. */
    public Biquad {
        for (double c : new double[] {b0, b1, b2, a1, a2}) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("biquad coefficients must be finite");
            }
        }
    }

    /**
     * Stage 1 of the BS.1770 K-weighting (the "head" high shelf) at the given sample rate, derived
     * from the analogue parameters (f0 1681.97 Hz, gain 4.00 dB, Q 0.7072) with the bilinear
     * transform as in libebur128; at 48 kHz it reproduces BS.1770-4 Table 1 to 1e-15.
     */
    public static Biquad kWeightingShelf(double sampleRateHz) {
        double f0 = 1681.974450955533;
        double gainDb = 3.999843853973347;
        double q = 0.7071752369554196;
        double k = Math.tan(Math.PI * f0 / sampleRateHz);
        double vh = Math.pow(10.0, gainDb / 20.0);
        // The shelf's mid-band gain exponent 0.49966… is fitted so that 48 kHz matches BS.1770 exactly.
        double vb = Math.pow(vh, 0.4996667741545416);
        double a0 = 1.0 + k / q + k * k;
        return new Biquad(
                (vh + vb * k / q + k * k) / a0,
                2.0 * (k * k - vh) / a0,
                (vh - vb * k / q + k * k) / a0,
                2.0 * (k * k - 1.0) / a0,
                (1.0 - k / q + k * k) / a0);
    }

    /**
     * Stage 2 of the BS.1770 K-weighting (the RLB high-pass, f0 38.14 Hz, Q 0.5003) at the given
     * sample rate; the numerator stays [1, −2, 1] as in BS.1770 (normalising it would cost 0.043 dB).
     */
    public static Biquad kWeightingHighPass(double sampleRateHz) {
        double f0 = 38.13547087602444;
        double q = 0.5003270373238773;
        double k = Math.tan(Math.PI * f0 / sampleRateHz);
        double a0 = 1.0 + k / q + k * k;
        return new Biquad(1.0, -2.0, 1.0, 2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0);
    }

    /**
     * A band-pass with 0 dB gain at its centre (RBJ Audio EQ Cookbook, "BPF, constant 0 dB peak
     * gain"), the given centre frequency and bandwidth in octaves.
     */
    public static Biquad bandPass(double centreHz, double bandwidthOctaves, double sampleRateHz) {
        if (centreHz <= 0 || centreHz >= sampleRateHz / 2 || bandwidthOctaves <= 0) {
            throw new IllegalArgumentException("band-pass centre must lie in (0, Nyquist) and bandwidth be positive");
        }
        double w0 = 2.0 * Math.PI * centreHz / sampleRateHz;
        double sinW0 = Math.sin(w0);
        // RBJ: alpha = sin(w0)·sinh(ln2/2 · BW · w0/sin(w0)).
        double alpha = sinW0 * Math.sinh(Math.log(2.0) / 2.0 * bandwidthOctaves * w0 / sinW0);
        double a0 = 1.0 + alpha;
        return new Biquad(alpha / a0, 0.0, -alpha / a0, -2.0 * Math.cos(w0) / a0, (1.0 - alpha) / a0);
    }

    /** The magnitude response in dB at the given frequency for the given sample rate. */
    public double magnitudeDbAt(double frequencyHz, double sampleRateHz) {
        double w = 2.0 * Math.PI * frequencyHz / sampleRateHz;
        double cos1 = Math.cos(w);
        double sin1 = Math.sin(w);
        double cos2 = Math.cos(2 * w);
        double sin2 = Math.sin(2 * w);
        double numRe = b0 + b1 * cos1 + b2 * cos2;
        double numIm = -(b1 * sin1 + b2 * sin2);
        double denRe = 1.0 + a1 * cos1 + a2 * cos2;
        double denIm = -(a1 * sin1 + a2 * sin2);
        double power = (numRe * numRe + numIm * numIm) / (denRe * denRe + denIm * denIm);
        return 10.0 * Math.log10(power);
    }
}
