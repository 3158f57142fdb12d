package dev.mixdojo.classroom.live;

import dev.mixdojo.exercise.AnswerForm;
import dev.mixdojo.exercise.Quantity;
import java.util.ArrayList;
import java.util.List;

/**
 * The axis a value is set on in the browser and binned on in the histogram: from {@code min} to {@code max},
 * in equal steps of octaves when logarithmic (frequency, Q, times), else in equal steps of the value, each
 * step labelled as an engineer writes the value ({@code 2.5 kHz}).
 *
 * @param quantity    what the value is
 * @param min         the lowest value
 * @param max         the highest value
 * @param logarithmic whether steps are equal ratios rather than equal differences
 */
public record AnswerScale(Quantity quantity, double min, double max, boolean logarithmic) {
    /** Steps a slider offers from min to max: fine enough for any threshold in RESEARCH.md over the form's range. */
    public static final int SLIDER_STEPS = 240;

    /** One position of a slider: the value sent when it is chosen, and its label. */
    public record Step(double value, String label) {
    }

    /** The scale of a value answer. */
    public static AnswerScale of(AnswerForm.Value form) {
        return new AnswerScale(form.quantity(), form.min(), form.max(), form.logarithmic());
    }

    /** The scale of one dial of a settings answer. */
    public static AnswerScale of(AnswerForm.Setting setting) {
        return new AnswerScale(setting.quantity(), setting.min(), setting.max(), setting.logarithmic());
    }

    /** The value at {@code position} (0 at min, 1 at max) along the axis. */
    public double valueAt(double position) {
        return logarithmic ? min * Math.pow(max / min, position) : min + position * (max - min);
    }

    /** Where {@code value} lies along the axis (0 at min, 1 at max; outside when the value is). */
    public double positionOf(double value) {
        return logarithmic ? Math.log(value / min) / Math.log(max / min) : (value - min) / (max - min);
    }

    /** The slider's {@link #SLIDER_STEPS} + 1 positions, min and max included. */
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>(SLIDER_STEPS + 1);
        for (int i = 0; i <= SLIDER_STEPS; i++) {
            double value = i == SLIDER_STEPS ? max : valueAt((double) i / SLIDER_STEPS);
            steps.add(new Step(value, quantity.format(value)));
        }
        return steps;
    }
}
