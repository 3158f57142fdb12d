package dev.mixdojo.dsp;

/**
 * Decibel conversions fast enough for per-sample use on the audio thread: relative error below
 * 1e-7 (about 1e-6 dB), allocation-free, thread-safe.
 */
public final class FastMath {
    private static final double LOG2_OF_10_OVER_20 = Math.log(10) / Math.log(2) / 20;
    private static final double TWENTY_LOG10_OF_2 = 20 * Math.log10(2);
    private static final double LN2 = Math.log(2);
    private static final double SQRT2 = Math.sqrt(2);

    private FastMath() {
    }

    /** Linear amplitude of a level in dB ({@code 10^(db/20)}); below -1000 dB gives 0. */
    public static double dbToGain(double db) {
        return exp2(db * LOG2_OF_10_OVER_20);
    }

    /** Level in dB of a positive amplitude ({@code 20·log10(gain)}); 0 and below give -2000 dB. */
    public static double gainToDb(double gain) {
        return gain > 1e-100 ? TWENTY_LOG10_OF_2 * log2(gain) : -2000;
    }

    /** Base-2 logarithm of a positive, normal double. */
    static double log2(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int exponent = (int) ((bits >>> 52) & 0x7ff) - 1023;
        double mantissa = Double.longBitsToDouble((bits & 0x000fffffffffffffL) | 0x3ff0000000000000L);
        if (mantissa > SQRT2) {
            mantissa *= 0.5;
            exponent++;
        }
        // ln(m) = 2·atanh((m-1)/(m+1)); |t| <= 0.1716 on [sqrt(1/2), sqrt(2)], so the series to t^11 is exact to 1e-10.
        double t = (mantissa - 1) / (mantissa + 1);
        double t2 = t * t;
        double series = t * (2 + t2 * (2.0 / 3 + t2 * (2.0 / 5 + t2 * (2.0 / 7 + t2 * (2.0 / 9 + t2 * (2.0 / 11))))));
        return exponent + series / LN2;
    }

    /** Two to the power {@code y}; below -1000 gives 0, above 1000 gives 2^1000. */
    static double exp2(double y) {
        if (y < -1000) {
            return 0;
        }
        if (y > 1000) {
            y = 1000;
        }
        double whole = Math.floor(y);
        double r = (y - whole) * LN2; // 0 <= r < ln 2
        // Taylor series of e^r to r^10: remainder below (ln 2)^11/11! ~ 4e-10.
        double p = 1 + r * (1 + r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720
                + r * (1.0 / 5040 + r * (1.0 / 40320 + r * (1.0 / 362880 + r * (1.0 / 3628800))))))))));
        return p * Double.longBitsToDouble((long) ((int) whole + 1023) << 52);
    }
}
