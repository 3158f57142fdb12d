package dev.mixdojo.classroom.live;

import dev.mixdojo.exercise.Answer;
import dev.mixdojo.exercise.AnswerForm;
import dev.mixdojo.exercise.Grade;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The class's answers to one question as bars, with the right answer marked: one bar per option of a
 * choice, ten equal steps of a value's axis (octaves for frequency), or five bands of credit for drawn
 * curves and dialled settings, whose answers do not fall on one axis.
 *
 * @param caption what the bars count, e.g. "answers" or "credit"
 * @param truth   the right answer in words
 * @param bars    the bars, left to right
 */
public record Histogram(String caption, String truth, List<Bar> bars) {
    /** Steps of a value's axis. */
    static final int VALUE_BINS = 10;
    /** Bands of credit for curves and settings. */
    static final int CREDIT_BANDS = 5;

    /**
     * One bar.
     *
     * @param label what it stands for, e.g. {@code 1 kHz} or {@code 80–100 %}
     * @param count how many students' answers fall in it
     * @param truth whether the right answer lies in it
     */
    public record Bar(String label, int count, boolean truth) {
    }

    public Histogram {
        bars = List.copyOf(bars);
    }

    /** How many answers the bars hold. */
    public int total() {
        return bars.stream().mapToInt(Bar::count).sum();
    }

    /** The bars of {@code answers} (each with its grade) to a question of {@code form} whose truth is {@code truth}. */
    static Histogram of(AnswerForm form, LiveQuestions.Truth truth, List<Answer> answers, List<Grade> grades) {
        if (form instanceof AnswerForm.Choice choice) {
            List<Bar> bars = new ArrayList<>();
            for (AnswerForm.Option option : choice.options()) {
                int count = (int) answers.stream()
                        .filter(a -> a instanceof Answer.Chosen c && c.label().equals(option.label())).count();
                bars.add(new Bar(option.label(), count, option.label().equals(truth.label())));
            }
            return new Histogram("answers", truth.label(), bars);
        }
        if (form instanceof AnswerForm.Value value) {
            int[] counts = new int[VALUE_BINS];
            for (Answer answer : answers) {
                if (answer instanceof Answer.Valued valued) {
                    counts[bin(value, valued.value())]++;
                }
            }
            int truthBin = bin(value, truth.value());
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < VALUE_BINS; i++) {
                bars.add(new Bar(value.quantity().format(AnswerScale.of(value).valueAt((i + 0.5) / VALUE_BINS)), counts[i],
                        i == truthBin));
            }
            return new Histogram("answers", truth.label(), bars);
        }
        int[] counts = new int[CREDIT_BANDS];
        for (Grade grade : grades) {
            counts[Math.min(CREDIT_BANDS - 1, (int) (grade.score() * CREDIT_BANDS))]++;
        }
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < CREDIT_BANDS; i++) {
            int low = 100 * i / CREDIT_BANDS;
            int high = 100 * (i + 1) / CREDIT_BANDS;
            bars.add(new Bar(String.format(Locale.ROOT, "%d–%d %%", low, high), counts[i], i == CREDIT_BANDS - 1));
        }
        return new Histogram("credit", truth.label(), bars);
    }

    /** The bin of a value along the form's axis, clamped to the axis. */
    private static int bin(AnswerForm.Value form, double v) {
        return Math.max(0, Math.min(VALUE_BINS - 1, (int) Math.floor(AnswerScale.of(form).positionOf(v) * VALUE_BINS)));
    }
}
