package dev.mixdojo.analysis;

import java.util.Arrays;

/**
 * Values on a regular time grid (the first at {@code startS}, then every {@code stepS}), such as
 * momentary loudness every 10 ms; immutable and thread-safe. Missing values (silence) are NaN or
 * negative infinity, as the quantity defines.
 */
public final class TimeSeries {
    private final double startS;
    private final double stepS;
    private final float[] values;

    /** Copies the given values. */
    public TimeSeries(double startS, double stepS, float[] values) {
        if (!(stepS > 0)) {
            throw new IllegalArgumentException("time step must be positive, got " + stepS);
        }
        this.startS = startS;
        this.stepS = stepS;
        this.values = values.clone();
    }

    /** An empty series. */
    public static TimeSeries empty(double stepS) {
        return new TimeSeries(0, stepS, new float[0]);
    }

    /** Time of the first value, in seconds from the start of the programme. */
    public double startS() {
        return startS;
    }

    /** Seconds between values. */
    public double stepS() {
        return stepS;
    }

    /** Number of values. */
    public int size() {
        return values.length;
    }

    /** The value at index {@code i}. */
    public double valueAt(int i) {
        return values[i];
    }

    /** Time in seconds of the value at index {@code i}. */
    public double timeAt(int i) {
        return startS + i * stepS;
    }

    /** A copy of the values. */
    public float[] toArray() {
        return values.clone();
    }

    /** The largest finite value, or negative infinity when there is none. */
    public double max() {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            if (v > max) {
                max = v;
            }
        }
        return max;
    }

    /**
     * At most {@code maxPoints} values, each the maximum (or, with {@code average}, the mean of
     * the finite values) of a run of consecutive values, for plots and reports.
     */
    public TimeSeries decimated(int maxPoints, boolean average) {
        if (values.length <= maxPoints) {
            return this;
        }
        int factor = (values.length + maxPoints - 1) / maxPoints;
        float[] out = new float[(values.length + factor - 1) / factor];
        for (int o = 0; o < out.length; o++) {
            int from = o * factor;
            int to = Math.min(values.length, from + factor);
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            int count = 0;
            for (int i = from; i < to; i++) {
                float v = values[i];
                if (Float.isFinite(v)) {
                    sum += v;
                    count++;
                }
                if (v > max) {
                    max = v;
                }
            }
            out[o] = average ? (count == 0 ? Float.NaN : (float) (sum / count)) : (float) max;
        }
        return new TimeSeries(startS + (factor - 1) * stepS / 2, stepS * factor, out);
    }

    @Override
    public String toString() {
        return "TimeSeries[startS=" + startS + ", stepS=" + stepS + ", size=" + values.length
                + (values.length <= 8 ? ", values=" + Arrays.toString(values) : "") + "]";
    }
}
