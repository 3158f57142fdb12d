package dev.mixdojo.analysis;

import java.util.Arrays;

/** A growable list of floats for streaming measurements; not thread-safe. */
public final class FloatList {
    private float[] values = new float[256];
    private int size;

    /** Appends one value. */
    public void add(float value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    public int size() {
        return size;
    }

    /** The value at index {@code i}. */
    public float get(int i) {
        return values[i];
    }

    /** A copy of the values so far. */
    public float[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
