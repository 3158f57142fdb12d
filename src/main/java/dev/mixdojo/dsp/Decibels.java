package dev.mixdojo.dsp;

/**
 * Decibel conversions for per-sample use; thread-safe, allocation-free. Both directions are
 * table-driven (error below 1e-9 dB) because Math.log and Math.exp took most of the compressor's time.
 */
public final class Decibels {
    private static final double DB_TO_OCTAVES = Math.log(10) / Math.log(2) / 20;
    private static final double LN2 = Math.log(2);
    private static final double TWENTY_LOG10_2 = 20 * Math.log10(2);
    private static final double INV_LN2 = 1 / Math.log(2);
    private static final int TABLE_BITS = 8;
    /** Spacing of the table knots, 2^-8 (multiplying by it is exact and cheaper than dividing). */
    private static final double KNOT_STEP = 1.0 / (1 << TABLE_BITS);
    private static final double[] LOG2_OF_KNOT = new double[(1 << TABLE_BITS) + 1];
    private static final double[] INVERSE_OF_KNOT = new double[(1 << TABLE_BITS) + 1];
    private static final double[] EXP2_OF_KNOT = new double[1 << TABLE_BITS];

    static {
        for (int i = 0; i <= 1 << TABLE_BITS; i++) {
            double knot = 1 + i / (double) (1 << TABLE_BITS);
            LOG2_OF_KNOT[i] = Math.log(knot) * INV_LN2;
            INVERSE_OF_KNOT[i] = 1 / knot;
        }
        for (int i = 0; i < EXP2_OF_KNOT.length; i++) {
            EXP2_OF_KNOT[i] = Math.pow(2, i / (double) EXP2_OF_KNOT.length);
        }
    }

    private Decibels() {
    }

    /** Linear amplitude of a level in dB: 10^(db/20), relative error below 1e-11; below −6000 dB gives 0. */
    public static double toGain(double db) {
        return exp2(db * DB_TO_OCTAVES);
    }

    /**
     * 2^y: the integer part goes into the exponent bits, the fraction splits into a table knot
     * (top 8 bits) and a remainder r &lt; 2^-8 whose 2^r = e^(r·ln 2) takes the series to the cube.
     */
    static double exp2(double y) {
        if (y < -1000) {
            return 0;
        }
        if (y > 1000) {
            return Double.POSITIVE_INFINITY;
        }
        double whole = Math.floor(y);
        double fraction = y - whole;
        int index = Math.min((int) (fraction * (1 << TABLE_BITS)), (1 << TABLE_BITS) - 1);
        double z = (fraction - index * KNOT_STEP) * LN2;
        double series = 1 + z * (1 + z * (0.5 + z * (1.0 / 6)));
        return EXP2_OF_KNOT[index] * series * Double.longBitsToDouble((long) ((int) whole + 1023) << 52);
    }

    /** Level in dB of an amplitude: 20·log10(gain); positive normal numbers only (others give nonsense). */
    public static double fromGain(double gain) {
        return TWENTY_LOG10_2 * log2(gain);
    }

    /**
     * log2 of a positive normal double: exponent from the bits, mantissa m split into a table knot
     * m0 (top 8 bits) and r = m/m0 − 1 (|r| &lt; 2^-8), ln(1 + r) by its series to r^4.
     */
    static double log2(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int exponent = (int) (bits >>> 52) - 1023;
        int index = (int) ((bits >>> (52 - TABLE_BITS)) & ((1 << TABLE_BITS) - 1));
        double mantissa = Double.longBitsToDouble((bits & 0x000fffffffffffffL) | 0x3ff0000000000000L);
        double knot = 1 + index * KNOT_STEP;
        double r = (mantissa - knot) * INVERSE_OF_KNOT[index];
        double ln = r * (1 - r * (0.5 - r * (1.0 / 3 - r * 0.25)));
        return exponent + LOG2_OF_KNOT[index] + ln * INV_LN2;
    }
}
