package dev.mixdojo.ui.drill;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * One adjustable value of an answer: the single value of a value question, one setting of a
 * settings question, or one point of a drawn curve (at {@code timeS}; NaN for the others). The
 * value stays on its axis. JavaFX thread only.
 */
final class Dial {
    private final String name;
    private final ValueScale scale;
    private final double timeS;
    private final ReadOnlyDoubleWrapper value;

    Dial(String name, ValueScale scale, double timeS) {
        this.name = name;
        this.scale = scale;
        this.timeS = timeS;
        this.value = new ReadOnlyDoubleWrapper(scale.start());
    }

    /** The setting's name (the key of a dialled answer); empty for a single value or a curve point. */
    String name() {
        return name;
    }

    ValueScale scale() {
        return scale;
    }

    /** Where a curve point sits, in seconds from the start; NaN for a value or a setting. */
    double timeS() {
        return timeS;
    }

    ReadOnlyDoubleProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    double value() {
        return value.get();
    }

    void set(double newValue) {
        value.set(scale.clamp(newValue));
    }
}
