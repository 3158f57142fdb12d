package dev.mixdojo.dsp.eq;

/**
 * Biquad design that matches an analogue second-order prototype's magnitude up to Nyquist (M. Vicanek,
 * "Matched Second Order Digital Filters", 2016): impulse-invariant poles, and the numerator's squared
 * magnitude B0·φ0 + B1·φ1 + B2·φ2 fitted by weighted least squares with Lawson re-weighting, then
 * factored back minimum-phase; cuts are the inverse of the matching boost
 * (docs/decisions/dsp-filters-and-dynamics.md). Holds scratch arrays for one sample rate:
 * allocation-free after construction, one thread at a time.
 */
final class MatchedDesign {
    private static final int GRID_POINTS = 48;
    private static final int LAWSON_ITERATIONS = 5;
    private static final double LOWEST_GRID_HZ = 10;
    private static final double LOOSE_BELOW_POWER = Math.pow(10, -1.2); // −12 dB
    private static final double IGNORE_BELOW_POWER = 1e-4;            // −40 dB: nothing to match

    private final double sampleRateHz;
    private final double[] omega = new double[GRID_POINTS];
    private final double[] phi0 = new double[GRID_POINTS];
    private final double[] phi1 = new double[GRID_POINTS];
    private final double[] phi2 = new double[GRID_POINTS];
    private final boolean[] belowFiveKilohertz = new boolean[GRID_POINTS];
    private final double[] rows = new double[GRID_POINTS * 3];
    private final double[] tolerance = new double[GRID_POINTS];
    private final double[] weight = new double[GRID_POINTS];
    private final double[] rootWeight = new double[GRID_POINTS];
    private final double[] solution = new double[3];
    private final double[] scratch = new double[3 * GRID_POINTS];
    private final double[] upper = new double[9];
    private final double[] qtb = new double[3];

    MatchedDesign(double sampleRateHz) {
        this.sampleRateHz = sampleRateHz;
        double top = sampleRateHz <= 50000 ? Math.min(20000, 0.45 * sampleRateHz) : 0.45 * sampleRateHz;
        for (int i = 0; i < GRID_POINTS; i++) {
            double hz = LOWEST_GRID_HZ * Math.pow(top / LOWEST_GRID_HZ, i / (double) (GRID_POINTS - 1));
            omega[i] = 2 * Math.PI * hz / sampleRateHz;
            double s = Math.sin(omega[i] / 2);
            phi1[i] = s * s;
            phi0[i] = 1 - phi1[i];
            phi2[i] = 4 * phi0[i] * phi1[i];
            belowFiveKilohertz[i] = hz < 5000;
        }
    }

    /** The sample rate these designs are for (Hz). */
    double sampleRateHz() {
        return sampleRateHz;
    }

    /** Normalised angular frequency (radians per sample) of {@code frequencyHz}, kept below 0.45·fs. */
    double omegaOf(double frequencyHz) {
        return 2 * Math.PI * Math.min(frequencyHz, 0.45 * sampleRateHz) / sampleRateHz;
    }

    /**
     * Peaking EQ; prototype H(s) = (s² + s·A/Q + 1)/(s² + s/(A·Q) + 1), A = 10^(gainDb/40)
     * (RBJ Audio EQ Cookbook), s normalised to the centre frequency.
     */
    void peak(double frequencyHz, double q, double gainDb, double[] out, int at) {
        double w = omegaOf(frequencyHz);
        double a = Math.pow(10, Math.abs(gainDb) / 40);
        fit(1, a * w / q, w * w, 1, w / (a * q), w * w, gainDb < 0, false, out, at);
    }

    /** Low shelf; prototype H(s) = A·(s² + s·√A/Q + A)/(A·s² + s·√A/Q + 1) (RBJ cookbook). */
    void lowShelf(double frequencyHz, double q, double gainDb, double[] out, int at) {
        double w = omegaOf(frequencyHz);
        double a = Math.pow(10, Math.abs(gainDb) / 40);
        double sa = Math.sqrt(a);
        fit(a, a * sa / q * w, a * a * w * w, a, sa / q * w, w * w, gainDb < 0, false, out, at);
    }

    /** High shelf; prototype H(s) = A·(A·s² + s·√A/Q + 1)/(s² + s·√A/Q + A) (RBJ cookbook). */
    void highShelf(double frequencyHz, double q, double gainDb, double[] out, int at) {
        double w = omegaOf(frequencyHz);
        double a = Math.pow(10, -Math.abs(gainDb) / 40); // designed as a cut, inverted for a boost
        double sa = Math.sqrt(a);
        fit(a * a, a * sa / q * w, a * w * w, 1, sa / q * w, a * w * w, gainDb > 0, false, out, at);
    }

    /** Second-order low-pass; prototype H(s) = 1/(s² + s/Q + 1). */
    void lowPass(double frequencyHz, double q, double[] out, int at) {
        double w = omegaOf(frequencyHz);
        fit(0, 0, w * w, 1, w / q, w * w, false, true, out, at);
    }

    /** Second-order high-pass; prototype H(s) = s²/(s² + s/Q + 1). */
    void highPass(double frequencyHz, double q, double[] out, int at) {
        double w = omegaOf(frequencyHz);
        fit(1, 0, 0, 1, w / q, w * w, false, true, out, at);
    }

    /** Band-pass with 0 dB at the centre; prototype H(s) = (s/Q)/(s² + s/Q + 1). */
    void bandPass(double frequencyHz, double q, double[] out, int at) {
        double w = omegaOf(frequencyHz);
        fit(0, w / q, 0, 1, w / q, w * w, false, true, out, at);
    }

    /**
     * Notch; prototype H(s) = (s² + 1)/(s² + s/Q + 1). Zeros go exactly on the unit circle at the
     * centre (a fitted numerator could only approach the infinite dip), poles are matched as above
     * and the gain makes DC exactly 0 dB.
     */
    void notch(double frequencyHz, double q, double[] out, int at) {
        double w = omegaOf(frequencyHz);
        matchedPoles(1, w / q, w * w, out, at);
        double a1 = out[at + 3];
        double a2 = out[at + 4];
        double c = Math.cos(w);
        double g = (1 + a1 + a2) / (2 - 2 * c);
        out[at] = g;
        out[at + 1] = -2 * c * g;
        out[at + 2] = g;
    }

    /** Squared magnitude at {@code w} rad/sample of the analogue (n2·s² + n1·s + n0)/(d2·s² + d1·s + d0). */
    static double analogPower(double n2, double n1, double n0, double d2, double d1, double d0, double w) {
        double numRe = n0 - n2 * w * w;
        double numIm = n1 * w;
        double denRe = d0 - d2 * w * w;
        double denIm = d1 * w;
        return (numRe * numRe + numIm * numIm) / (denRe * denRe + denIm * denIm);
    }

    /** Poles of d2·s² + d1·s + d0 by impulse invariance (Vicanek eq. 12–13) into out[at+3], out[at+4]. */
    private static void matchedPoles(double d2, double d1, double d0, double[] out, int at) {
        double wp = Math.sqrt(d0 / d2);
        double zeta = d1 / (2 * Math.sqrt(d0 * d2)); // = 1/(2Q) of the poles
        double decay = Math.exp(-zeta * wp);
        double a1 = zeta <= 1
                ? -2 * decay * Math.cos(wp * Math.sqrt(1 - zeta * zeta))
                : -2 * decay * Math.cosh(wp * Math.sqrt(zeta * zeta - 1));
        out[at + 3] = a1;
        out[at + 4] = decay * decay;
    }

    /**
     * Fits a section to the prototype, or to its reciprocal if {@code invert}; {@code loose} relaxes the
     * tolerance where the prototype is below −12 dB (pass filters: nobody hears errors in the stop band).
     */
    private void fit(double n2, double n1, double n0, double d2, double d1, double d0, boolean invert, boolean loose,
            double[] out, int at) {
        if (invert) {
            // Design the given prototype (its poles are the narrower, lower ones), then take its reciprocal.
            fit(n2, n1, n0, d2, d1, d0, false, false, out, at);
            double b0 = out[at];
            double b1 = out[at + 1];
            double b2 = out[at + 2];
            out[at] = 1 / b0;
            out[at + 1] = out[at + 3] / b0;
            out[at + 2] = out[at + 4] / b0;
            out[at + 3] = b1 / b0;
            out[at + 4] = b2 / b0;
            return;
        }
        matchedPoles(d2, d1, d0, out, at);
        double a1 = out[at + 3];
        double a2 = out[at + 4];
        double bigA0 = (1 + a1 + a2) * (1 + a1 + a2);
        double bigA1 = (1 - a1 + a2) * (1 - a1 + a2);
        double bigA2 = -4 * a2;
        boolean zeroAtDc = n0 == 0;
        for (int i = 0; i < GRID_POINTS; i++) {
            double power = analogPower(n2, n1, n0, d2, d1, d0, omega[i]);
            double target = power * (bigA0 * phi0[i] + bigA1 * phi1[i] + bigA2 * phi2[i]);
            if (power < IGNORE_BELOW_POWER || !(target > 0)) {
                tolerance[i] = 0;
                weight[i] = 0;
                rows[3 * i] = rows[3 * i + 1] = rows[3 * i + 2] = 0;
                continue;
            }
            // Each row states (B·φ)/target = 1: the digital/analogue power ratio.
            rows[3 * i] = zeroAtDc ? 0 : phi0[i] / target;
            rows[3 * i + 1] = phi1[i] / target;
            rows[3 * i + 2] = phi2[i] / target;
            tolerance[i] = loose && power < LOOSE_BELOW_POWER ? 10 : belowFiveKilohertz[i] ? 0.2 : 1;
            weight[i] = 1 / (tolerance[i] * tolerance[i]);
        }
        for (int iteration = 0; ; iteration++) {
            solveWeighted(zeroAtDc);
            if (iteration == LAWSON_ITERATIONS) {
                break;
            }
            // Lawson: weights grow where the error (in units of its tolerance) is largest.
            double sum = 0;
            for (int i = 0; i < GRID_POINTS; i++) {
                if (weight[i] == 0) {
                    continue;
                }
                double ratio = rows[3 * i] * solution[0] + rows[3 * i + 1] * solution[1] + rows[3 * i + 2] * solution[2];
                double errorDb = ratio > 1e-12 ? Math.abs(10 * Math.log10(ratio)) : 120;
                weight[i] *= errorDb / tolerance[i] + 1e-9;
                sum += weight[i];
            }
            for (int i = 0; i < GRID_POINTS; i++) {
                weight[i] /= sum;
            }
        }
        factorNumerator(zeroAtDc ? 0 : solution[0], solution[1], solution[2], out, at);
    }

    /** Weighted least squares for B0…B2 by modified Gram–Schmidt QR (stable for tiny ω). */
    private void solveWeighted(boolean zeroAtDc) {
        int columns = 3;
        double[] q = scratch; // column-major n×3
        double[] rr = upper;
        double[] sw = rootWeight;
        int n = GRID_POINTS;
        for (int i = 0; i < n; i++) {
            sw[i] = Math.sqrt(weight[i]);
            for (int j = 0; j < columns; j++) {
                q[j * n + i] = rows[3 * i + j] * sw[i];
            }
        }
        int first = zeroAtDc ? 1 : 0;
        for (int j = first; j < columns; j++) {
            for (int k = first; k < j; k++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += q[k * n + i] * q[j * n + i];
                }
                rr[k * 3 + j] = dot;
                for (int i = 0; i < n; i++) {
                    q[j * n + i] -= dot * q[k * n + i];
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += q[j * n + i] * q[j * n + i];
            }
            norm = Math.sqrt(norm);
            rr[j * 3 + j] = norm;
            if (norm > 0) {
                for (int i = 0; i < n; i++) {
                    q[j * n + i] /= norm;
                }
            }
        }
        for (int j = first; j < columns; j++) {
            double dot = 0;
            for (int i = 0; i < n; i++) {
                dot += q[j * n + i] * sw[i];
            }
            qtb[j] = dot;
        }
        for (int j = columns - 1; j >= first; j--) {
            double value = qtb[j];
            for (int k = j + 1; k < columns; k++) {
                value -= rr[j * 3 + k] * solution[k];
            }
            solution[j] = rr[j * 3 + j] > 0 ? value / rr[j * 3 + j] : 0;
        }
        if (zeroAtDc) {
            solution[0] = 0;
        }
    }

    /**
     * Recovers b0, b1, b2 from B0, B1, B2 (Vicanek section 2): √B0 = b0 + b1 + b2,
     * √B1 = b0 − b1 + b2, B2 = −4·b0·b2; then reflects any zero outside the unit circle.
     */
    private static void factorNumerator(double bigB0, double bigB1, double bigB2, double[] out, int at) {
        double s0 = Math.sqrt(Math.max(bigB0, 0));
        double s1 = Math.sqrt(Math.max(bigB1, 0));
        double w = (s0 + s1) / 2;
        double b0 = (w + Math.sqrt(Math.max(w * w + bigB2, 0))) / 2;
        double b1 = (s0 - s1) / 2;
        double b2 = w - b0;
        double discriminant = b1 * b1 - 4 * b0 * b2;
        if (discriminant < 0) {
            if (b2 > b0) { // complex zeros with radius² = b2/b0 > 1: mirror them inside
                double t = b0;
                b0 = b2;
                b2 = t;
            }
        } else if (b0 != 0) {
            double root = Math.sqrt(discriminant);
            double z1 = (-b1 + root) / (2 * b0);
            double z2 = (-b1 - root) / (2 * b0);
            double gain = b0;
            if (Math.abs(z1) > 1) {
                gain *= Math.abs(z1);
                z1 = 1 / z1;
            }
            if (Math.abs(z2) > 1) {
                gain *= Math.abs(z2);
                z2 = 1 / z2;
            }
            b0 = gain;
            b1 = -gain * (z1 + z2);
            b2 = gain * z1 * z2;
        }
        out[at] = b0;
        out[at + 1] = b1;
        out[at + 2] = b2;
    }
}
