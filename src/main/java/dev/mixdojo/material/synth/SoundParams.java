package dev.mixdojo.material.synth;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sound settings of one instrument (name → value in the unit its name says), already
 * checked against {@link InstrumentModel#parameters()}; missing names read as their defaults.
 * Immutable.
 */
public final class SoundParams {
    private final InstrumentModel model;
    private final Map<String, Double> values;

    SoundParams(InstrumentModel model, Map<String, Double> values) {
        this.model = model;
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** The defaults of an instrument. */
    public static SoundParams defaults(InstrumentModel model) {
        return new SoundParams(model, Map.of());
    }

    public InstrumentModel model() {
        return model;
    }

    /** The value of a parameter the instrument declares (its default when not set). */
    public double get(String name) {
        Double value = values.get(name);
        if (value != null) {
            return value;
        }
        return model.parameter(name).defaultValue();
    }

    /** The values set explicitly, sorted by name. */
    public Map<String, Double> explicitValues() {
        return values;
    }
}
