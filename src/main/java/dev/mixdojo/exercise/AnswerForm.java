package dev.mixdojo.exercise;

import java.util.List;

/** How the learner answers a question: by choosing one option, or by setting a value. */
public sealed interface AnswerForm {

    /** One option of a choice: what the learner sees and, where it has one, its value in the skill's unit. */
    record Option(String label, double value) {
    }

    /** Choose one of the options (buttons, digits 1–9 on the keyboard). */
    record Choice(List<Option> options) implements AnswerForm {
        public Choice {
            options = List.copyOf(options);
            if (options.size() < 2) {
                throw new IllegalArgumentException("a choice needs at least two options");
            }
        }

        /** The option with this label. */
        public Option option(String label) {
            return options.stream().filter(o -> o.label().equals(label)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no option '" + label + "'"));
        }
    }

    /** Set a value between min and max in the quantity's unit (a log axis when {@code logarithmic}). */
    record Value(Quantity quantity, double min, double max, boolean logarithmic) implements AnswerForm {
    }
}
