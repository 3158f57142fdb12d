package dev.mixdojo.exercise;

import java.util.Locale;

/**
 * A kind of value a learner answers with, knowing its unit, how to measure the distance between
 * two values (octaves for frequency, plain differences for dB, ms and pan) and how to write a
 * value the way an engineer says it.
 */
public enum Quantity {
    /** Frequency in Hz; distances in octaves. */
    FREQUENCY("oct", "high", "low", true) {
        @Override
        public String format(double hz) {
            if (hz >= 1000) {
                double k = Math.rint(hz / 100) / 10; // as written: 2010 Hz is "2 kHz", never "2.0 kHz"
                return (k == Math.rint(k) ? String.format(Locale.ROOT, "%.0f", k) : String.format(Locale.ROOT, "%.1f", k))
                        + " kHz";
            }
            return String.format(Locale.ROOT, "%.0f Hz", hz);
        }
    },
    /** Level change in dB, signed (boost +, cut −). */
    GAIN_DB("dB", "too high", "too low") {
        @Override
        public String format(double db) {
            return String.format(Locale.ROOT, "%+.1f dB", db).replace(".0 dB", " dB");
        }
    },
    /** An amount in dB without a sign (e.g. gain reduction). */
    AMOUNT_DB("dB", "too much", "too little") {
        @Override
        public String format(double db) {
            return String.format(Locale.ROOT, "%.1f dB", db).replace(".0 dB", " dB");
        }
    },
    /** Pan position from −1 (left) to +1 (right); distances in % of the way to one side. */
    PAN("%", "too far right", "too far left") {
        @Override
        public double distance(double truth, double answer) {
            return 100 * (answer - truth);
        }

        @Override
        public String format(double position) {
            long percent = Math.round(Math.abs(position) * 100);
            if (percent == 0) {
                return "centre";
            }
            return percent + "% " + (position < 0 ? "left" : "right");
        }
    },
    /** A filter's Q (centre frequency over bandwidth); distances in octaves, since halving the Q doubles the width. */
    Q_FACTOR("oct", "too narrow", "too wide", true) {
        @Override
        public String format(double q) {
            return "Q " + String.format(Locale.ROOT, q >= 10 ? "%.0f" : "%.1f", q);
        }
    },
    /**
     * An attack or release time in milliseconds; distances in octaves, since each doubling of an
     * envelope time sounds like the same step whether it is 1 ms or 100 ms.
     */
    ENVELOPE_MS("oct", "too slow", "too fast", true) {
        @Override
        public String format(double ms) {
            return String.format(Locale.ROOT, ms < 10 ? "%.1f ms" : "%.0f ms", ms).replace(".0 ms", " ms");
        }
    },
    /** A time in milliseconds. */
    TIME_MS("ms", "too long", "too short") {
        @Override
        public String format(double ms) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
    },
    /** A time in seconds. */
    TIME_S("s", "too long", "too short") {
        @Override
        public String format(double s) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
    },
    /**
     * A decay time in seconds (a reverb's RT60); distances in octaves, since each doubling of the
     * decay sounds like the same step whether the room is small or a cathedral.
     */
    DECAY_S("oct", "too long", "too short", true) {
        @Override
        public String format(double s) {
            String digits = String.format(Locale.ROOT, "%.2f", s).replaceAll("0+$", "").replaceAll("\\.$", "");
            return digits + " s";
        }
    },
    /** A plain ratio such as a compressor's 4:1. */
    RATIO(":1", "too high", "too low", true) {
        @Override
        public String format(double ratio) {
            return (ratio == Math.rint(ratio) ? String.format(Locale.ROOT, "%.0f", ratio)
                    : String.format(Locale.ROOT, "%.1f", ratio)) + ":1";
        }

        @Override
        public String errorUnit() {
            return "oct";
        }
    },
    /** A share from 0 to 1 (wet/dry mix, feedback), distances in percentage points. */
    SHARE("%", "too much", "too little") {
        @Override
        public double distance(double truth, double answer) {
            return 100 * (answer - truth);
        }

        @Override
        public String format(double share) {
            return Math.round(share * 100) + "%";
        }
    };

    private final String unit;
    private final String tooHighWords;
    private final String tooLowWords;
    private final boolean inOctaves;

    Quantity(String unit, String tooHighWords, String tooLowWords) {
        this(unit, tooHighWords, tooLowWords, false);
    }

    /** @param inOctaves whether distances are in octaves (doublings) rather than plain differences */
    Quantity(String unit, String tooHighWords, String tooLowWords, boolean inOctaves) {
        this.unit = unit;
        this.tooHighWords = tooHighWords;
        this.tooLowWords = tooLowWords;
        this.inOctaves = inOctaves;
    }

    /** Signed distance from the truth to the answer in {@link #errorUnit()} (positive: too high). */
    public double distance(double truth, double answer) {
        // Octaves: how many doublings the answer lies above the truth.
        return inOctaves ? Math.log(answer / truth) / Math.log(2) : answer - truth;
    }

    /**
     * The value on the scale where {@link #distance} is a plain difference, in {@link #errorUnit()}:
     * octaves above 20 Hz for frequency, octaves above 1 s or 1:1 for decays and ratios, percent
     * for pan and shares, the value itself otherwise. The progress log stores values on this scale
     * so that an attempt's answer minus its truth is the graded error.
     */
    public double onErrorScale(double value) {
        if (inOctaves) {
            return Math.log(value / (this == FREQUENCY ? 20 : 1)) / Math.log(2);
        }
        return distance(0, value);
    }

    /** The unit of {@link #distance}, e.g. {@code oct} for frequency. */
    public String errorUnit() {
        return unit;
    }

    /** The error in words, e.g. {@code 1 octave high}, {@code 3 dB too little}, {@code spot on}. */
    public String describeError(double error) {
        double size = Math.abs(error);
        if (size < 0.05) {
            return "spot on";
        }
        // Percentages are whole numbers, as format writes them ("35% left", never "15.0%"); other amounts
        // one decimal, dropped when it is 0, and the word follows the amount written ("1 octave", never
        // "1.0 octaves" for an error a rounding away from one octave).
        double shown = errorUnit().equals("%") ? Math.rint(size) : Math.rint(size * 10) / 10;
        String amount = shown == Math.rint(shown) ? String.format(Locale.ROOT, "%.0f", shown)
                : String.format(Locale.ROOT, "%.1f", shown);
        String unitWord = switch (errorUnit()) {
            case "oct" -> shown == 1 ? " octave" : " octaves";
            case "%" -> "%";
            default -> " " + errorUnit();
        };
        return amount + unitWord + " " + (error > 0 ? tooHighWords : tooLowWords);
    }

    /** The value as an engineer writes it, e.g. {@code 2.5 kHz}, {@code +6 dB}, {@code 30% left}. */
    public abstract String format(double value);
}
