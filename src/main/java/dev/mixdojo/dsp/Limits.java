package dev.mixdojo.dsp;

import dev.mixdojo.base.BadInputException;

/**
 * Range checks for processor settings that fail with the sentence a user reads, e.g.
 * {@code "compressor ratio must be at least 1, got 0.5"}.
 */
public final class Limits {
    private Limits() {
    }

    /** Checks {@code min <= value <= max}; throws BadInputException naming processor, parameter and range. */
    public static double between(String processor, String parameter, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new BadInputException(processor + " " + parameter + " must be between " + format(min) + " and "
                    + format(max) + ", got " + format(value));
        }
        return value;
    }

    /** Checks {@code value >= min}; throws BadInputException naming processor, parameter and minimum. */
    public static double atLeast(String processor, String parameter, double value, double min) {
        if (!(value >= min)) {
            throw new BadInputException(processor + " " + parameter + " must be at least " + format(min) + ", got "
                    + format(value));
        }
        return value;
    }

    /** A number as a person writes it: no trailing ".0", at most 6 significant digits. */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = String.format(java.util.Locale.ROOT, "%.6g", value);
        if (text.contains("e") || text.contains("E")) {
            return text;
        }
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
