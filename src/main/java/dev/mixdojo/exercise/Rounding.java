package dev.mixdojo.exercise;

/** How question kinds round the values they draw, so that prompts, choices and answer keys read as a person would write them. */
final class Rounding {
    private Rounding() {
    }

    /** To hundredths (1.234 → 1.23). */
    static double toHundredths(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** A positive number to two significant digits (1.234 → 1.2, 345 → 350). */
    static double toTwoDigits(double value) {
        double scale = Math.pow(10, Math.floor(Math.log10(value)) - 1);
        return Math.round(value / scale) * scale;
    }
}
