package dev.mixdojo.material.synth;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sound settings of one instrument (name → value in the unit its name says), already
 * checked against {@link InstrumentKind#parameters()}; missing names read as their defaults.
 * Immutable.
 */
public final class SoundParams {
    private final InstrumentKind kind;
    private final Map<String, Double> values;

    SoundParams(InstrumentKind kind, Map<String, Double> values) {
        this.kind = kind;
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** The defaults of an instrument. */
    public static SoundParams defaults(InstrumentKind kind) {
        return new SoundParams(kind, Map.of());
    }

    public InstrumentKind kind() {
        return kind;
    }

    /** The value of a parameter the instrument declares (its default when not set). */
    public double get(String name) {
        Double value = values.get(name);
        if (value != null) {
            return value;
        }
        return kind.parameter(name).defaultValue();
    }

    /** The values set explicitly, sorted by name. */
    public Map<String, Double> explicitValues() {
        return values;
    }
}
