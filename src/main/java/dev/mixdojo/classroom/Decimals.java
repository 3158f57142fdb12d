package dev.mixdojo.classroom;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes decimals in one fixed way (six places, no trailing zeros, never an exponent) from the
 * exact binary value, so a signed file reads back to the same text on every Java version —
 * {@code Double.toString} changed its output for some values in Java 19.
 */
final class Decimals {
    static final int PLACES = 6;

    private Decimals() {
    }

    static String format(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot write " + value + " to a results file");
        }
        BigDecimal exact = new BigDecimal(value).setScale(PLACES, RoundingMode.HALF_EVEN);
        return exact.signum() == 0 ? "0" : exact.stripTrailingZeros().toPlainString();
    }

    /** The value rounded to six places, as it will read back from a file. */
    static double round(double value) {
        return Double.parseDouble(format(value));
    }
}
