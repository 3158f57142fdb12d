package dev.mixdojo.analysis.report;

import java.util.Locale;

/**
 * How a report writes one measured figure: the number with its unit, or words when there is no
 * number (a report never prints NaN or infinity). Pure.
 */
final class Figures {
    /** Files shorter than one 400 ms loudness block are too short for any figure that has no value. */
    static final double SHORTEST_MEASURABLE_S = 0.4;
    /** What a figure without a value reads on a file too short to measure. */
    static final String TOO_SHORT = "too short to measure";

    private Figures() {
    }

    /**
     * {@code value} to {@code decimals} places with its unit; when it is not finite: "too short to
     * measure" on a file shorter than {@code neededS} (or than {@link #SHORTEST_MEASURABLE_S}), "silent"
     * for a level of nothing (minus infinity), else "n/a".
     */
    static String of(double value, int decimals, String unit, double durationS, double neededS) {
        if (Double.isFinite(value)) {
            return String.format(Locale.ROOT, "%." + decimals + "f", value) + (unit.isEmpty() ? "" : " " + unit);
        }
        return words(value, durationS, neededS);
    }

    /** As {@link #of} with a sign on the number. */
    static String signed(double value, int decimals, String unit, double durationS, double neededS) {
        if (Double.isFinite(value)) {
            return String.format(Locale.ROOT, "%+." + decimals + "f", value) + (unit.isEmpty() ? "" : " " + unit);
        }
        return words(value, durationS, neededS);
    }

    private static String words(double value, double durationS, double neededS) {
        if (durationS < Math.max(neededS, SHORTEST_MEASURABLE_S)) {
            return TOO_SHORT;
        }
        return value == Double.NEGATIVE_INFINITY ? "silent" : "n/a";
    }
}
