package dev.mixdojo.ui.drill;

import dev.mixdojo.exercise.AnswerForm;
import dev.mixdojo.exercise.Quantity;
import java.util.ArrayList;
import java.util.List;

/**
 * The axis of a value answer: where a value sits from 0 (min) to 1 (max) — on a log axis for
 * frequencies and other octave-like quantities, linear otherwise — the step the arrow keys move
 * (small, and large with Shift), the starting value and the labelled ticks. Immutable.
 */
record ValueScale(Quantity quantity, double min, double max, boolean logarithmic) {

    ValueScale {
        if (!(min < max) || logarithmic && !(min > 0)) {
            throw new IllegalArgumentException("a value axis needs min < max, and min > 0 when logarithmic");
        }
    }

    /** The axis of a value form. */
    static ValueScale of(AnswerForm.Value form) {
        return new ValueScale(form.quantity(), form.min(), form.max(), form.logarithmic());
    }

    /** Where {@code value} sits on the axis, 0 at min to 1 at max (clamped). */
    double fraction(double value) {
        double clamped = clamp(value);
        return logarithmic ? Math.log(clamped / min) / Math.log(max / min) : (clamped - min) / (max - min);
    }

    /** The value at {@code fraction} of the axis (clamped to 0…1). */
    double valueAt(double fraction) {
        double f = Math.max(0, Math.min(1, fraction));
        return logarithmic ? min * Math.pow(max / min, f) : min + f * (max - min);
    }

    /** The value clamped to the axis. */
    double clamp(double value) {
        return Math.max(min, Math.min(max, value));
    }

    /**
     * The value a picker starts at: the geometric middle of a log axis, zero when the axis spans it
     * (no boost, centre), else the middle.
     */
    double start() {
        if (logarithmic) {
            return Math.sqrt(min * max);
        }
        return min < 0 && max > 0 ? 0 : (min + max) / 2;
    }

    /**
     * {@code value} moved by {@code steps} arrow presses: a twelfth of an octave on a log axis
     * (a third with {@code large}); 0.5 dB (3 dB); 5 % of the way to one side for pan (25 %);
     * otherwise a hundredth of the axis (a tenth).
     */
    double nudge(double value, int steps, boolean large) {
        if (logarithmic) {
            return clamp(value * Math.pow(2, steps * (large ? 1 / 3.0 : 1 / 12.0)));
        }
        double step = switch (quantity) {
            case GAIN_DB, AMOUNT_DB -> large ? 3 : 0.5;
            case PAN -> large ? 0.25 : 0.05;
            case TIME_S -> large ? 1 : 0.1;
            default -> (max - min) / (large ? 10 : 100);
        };
        return clamp(value + steps * step);
    }

    /**
     * Labelled ticks: 1-2-5 per decade on a log axis (20 Hz, 50 Hz, 100 Hz …), else about eight
     * evenly spaced round values including zero when the axis spans it.
     */
    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        if (logarithmic) {
            for (double decade = Math.pow(10, Math.floor(Math.log10(min))); decade <= max; decade *= 10) {
                for (double m : new double[] {1, 2, 5}) {
                    double t = decade * m;
                    if (t >= min * 0.999 && t <= max * 1.001) {
                        ticks.add(t);
                    }
                }
            }
            return ticks;
        }
        double raw = (max - min) / (quantity == Quantity.PAN ? 4 : 8);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * (raw / magnitude <= 1 ? 1 : raw / magnitude <= 2 ? 2 : raw / magnitude <= 2.5 ? 2.5 : 5);
        for (double t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return ticks;
    }

    /** A tick's short label: pan positions as {@code L}, {@code 50 L}, {@code C}, {@code R}; others as {@link #format}. */
    String tickLabel(double value) {
        if (quantity != Quantity.PAN) {
            return format(value);
        }
        long percent = Math.round(Math.abs(value) * 100);
        String side = value < 0 ? "L" : "R";
        return percent == 0 ? "C" : percent == 100 ? side : percent + " " + side;
    }

    /** The value as the learner reads it, e.g. {@code 2.5 kHz}, {@code +3 dB}, {@code 30% left}. */
    String format(double value) {
        return quantity.format(value);
    }
}
