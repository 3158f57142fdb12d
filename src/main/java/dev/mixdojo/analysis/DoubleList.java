package dev.mixdojo.analysis;

import java.util.Arrays;

/** A growable list of doubles for streaming measurements; not thread-safe. */
public final class DoubleList {
    private double[] values = new double[256];
    private int size;

    /** Appends one value. */
    public void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    /** Number of values so far. */
    public int size() {
        return size;
    }

    /** The value at index {@code i}. */
    public double get(int i) {
        return values[i];
    }

    /** A copy of the values so far. */
    public double[] toArray() {
        return Arrays.copyOf(values, size);
    }

    /** The values so far, rounded to floats (for compact time series). */
    public float[] toFloatArray() {
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
