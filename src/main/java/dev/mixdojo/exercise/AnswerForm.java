package dev.mixdojo.exercise;

import dev.mixdojo.base.Scale;
import java.util.List;
import java.util.Map;

/**
 * How the learner answers a question: by choosing one option, by setting a value, by drawing a
 * value over time, or by dialling several settings.
 */
public sealed interface AnswerForm {

    /** The value in the skill's unit that an answer names: a chosen option's value or a set value. */
    default double valueOf(Answer answer) {
        if (answer instanceof Answer.Valued valued) {
            return valued.value();
        }
        if (answer instanceof Answer.Chosen chosen && this instanceof Choice choice) {
            return choice.option(chosen.label()).value();
        }
        throw new IllegalArgumentException("this question is not answered with one value");
    }

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

    /** Set a value between min and max in the quantity's unit, on an axis of that scale. */
    record Value(Quantity quantity, double min, double max, Scale scale) implements AnswerForm {
        /** Whether the axis is logarithmic (as answer files and packs store it). */
        public boolean logarithmic() {
            return scale == Scale.LOGARITHMIC;
        }
    }

    /**
     * Draw how a value moved over the excerpt (a fader ride, a filter sweep): an {@link Answer.Drawn}
     * with points from 0 to {@code durationS}, values between min and max in the quantity's unit.
     */
    record Curve(Quantity quantity, double durationS, double min, double max) implements AnswerForm {
        public Curve {
            if (!(durationS > 0 && min < max)) {
                throw new IllegalArgumentException("a curve needs a positive duration and min below max");
            }
        }
    }

    /** Dial several settings at once (an EQ band's frequency, gain and Q): an {@link Answer.Dialed}. */
    record Settings(List<Setting> settings) implements AnswerForm {
        public Settings {
            settings = List.copyOf(settings);
            if (settings.isEmpty()) {
                throw new IllegalArgumentException("settings need at least one setting");
            }
        }

        /** The dialled value of each setting, checked: the answer must dial every setting, within its range. */
        public Map<String, Double> valuesOf(Answer answer) {
            if (!(answer instanceof Answer.Dialed dialed)) {
                throw new IllegalArgumentException("this question is answered by dialling settings");
            }
            for (Setting setting : settings) {
                Double value = dialed.values().get(setting.name());
                if (value == null || !(value >= setting.min() && value <= setting.max())) {
                    throw new IllegalArgumentException("the answer must set " + setting.name() + " between "
                            + setting.min() + " and " + setting.max() + ", got " + value);
                }
            }
            return dialed.values();
        }
    }

    /** One dial of {@link Settings}: its name (the key in the answer), quantity, range and axis. */
    record Setting(String name, Quantity quantity, double min, double max, Scale scale) {
        public Setting {
            if (!(min < max)) {
                throw new IllegalArgumentException("setting " + name + " needs min below max");
            }
        }

        /** Whether the dial is logarithmic (as answer files and packs store it). */
        public boolean logarithmic() {
            return scale == Scale.LOGARITHMIC;
        }
    }
}
