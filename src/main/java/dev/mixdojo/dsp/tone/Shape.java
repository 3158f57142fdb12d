package dev.mixdojo.dsp.tone;

import dev.mixdojo.dsp.VocabularyName;

/** The transfer curves of the saturation, each with its chain-vocabulary name. */
public enum Shape implements VocabularyName {
    /** Hyperbolic tangent: smooth, tape-like, odd harmonics only. */
    TANH("tanh"),
    /**
     * Soft clip with a firmer knee than tanh, odd harmonics, brighter: the error function
     * erf(√π/2·u) (slope 1 at 0). Chosen over the textbook cubic clip, whose corner at ±1 makes
     * harmonics that fall off so slowly that 4× oversampling leaves aliases near −60 dBc.
     */
    SOFT_CLIP("soft"),
    /** Tanh with a bias (tanh(u + 0.3) − tanh(0.3)): tube-like, adds even harmonics. */
    ASYMMETRIC("asymmetric");

    private static final float BIAS = 0.3f;
    private static final float BIAS_TANH = tanh(BIAS);
    private static final double HALF_ROOT_PI = Math.sqrt(Math.PI) / 2;
    /** Beyond ±9 the rational tanh below is flat at ±1 to float precision; the input is clamped there. */
    private static final float TANH_CLAMP = 9f;

    private final String vocabularyName;

    Shape(String vocabularyName) {
        this.vocabularyName = vocabularyName;
    }

    @Override
    public String vocabularyName() {
        return vocabularyName;
    }

    /**
     * Applies the curve in place to {@code x[from]} … {@code x[to − 1]}, the driven signal. One loop per
     * curve, so the tanh curves (plain arithmetic) run as vector instructions.
     */
    void applyInPlace(float[] x, int from, int to) {
        switch (this) {
            case TANH -> {
                for (int j = from; j < to; j++) {
                    x[j] = tanh(x[j]);
                }
            }
            case ASYMMETRIC -> {
                for (int j = from; j < to; j++) {
                    x[j] = tanh(x[j] + BIAS) - BIAS_TANH;
                }
            }
            case SOFT_CLIP -> {
                for (int j = from; j < to; j++) {
                    x[j] = (float) erf(HALF_ROOT_PI * x[j]);
                }
            }
        }
    }

    /**
     * tanh u in float precision: Eigen's odd rational minimax approximation u·P(u²)/Q(u²) (degrees 13 and
     * 6) on u clamped to ±9, within 3e-7 of tanh, exactly odd and exactly 0 at 0; plain multiply-adds
     * that the compiler vectorises.
     */
    static float tanh(float u) {
        float x = Math.max(-TANH_CLAMP, Math.min(TANH_CLAMP, u));
        float x2 = x * x;
        float p = -2.76076847742355e-16f;
        p = p * x2 + 2.00018790482477e-13f;
        p = p * x2 - 8.60467152213735e-11f;
        p = p * x2 + 5.12229709037114e-08f;
        p = p * x2 + 1.48572235717979e-05f;
        p = p * x2 + 6.37261928875436e-04f;
        p = p * x2 + 4.89352455891786e-03f;
        float q = 1.19825839466702e-06f;
        q = q * x2 + 1.18534705686654e-04f;
        q = q * x2 + 2.26843463243900e-03f;
        q = q * x2 + 4.89352518554385e-03f;
        return x * p / q;
    }

    /** Error function, Abramowitz &amp; Stegun 7.1.26 (absolute error below 1.5e-7, about −136 dB). */
    static double erf(double x) {
        if (x == 0) {
            return 0; // the approximation is 1e-9 off at 0; silence must stay silent
        }
        double a = Math.abs(x);
        double t = 1 / (1 + 0.3275911 * a);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double y = 1 - poly * Math.exp(-a * a);
        return x < 0 ? -y : y;
    }
}
