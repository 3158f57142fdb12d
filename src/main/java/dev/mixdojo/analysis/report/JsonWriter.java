package dev.mixdojo.analysis.report;

import dev.mixdojo.base.JsonText;

/**
 * A small streaming JSON writer (objects, arrays, strings, numbers) that keeps key order and
 * writes non-finite numbers as null; Jackson would cost start-up time for a few hundred keys.
 * Not thread-safe.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder(1 << 16);
    private final boolean[] hasItems = new boolean[64];
    private int depth;
    private boolean afterKey;

    JsonWriter beginObject() {
        value();
        out.append('{');
        hasItems[++depth] = false;
        return this;
    }

    JsonWriter endObject() {
        depth--;
        newline();
        out.append('}');
        return this;
    }

    JsonWriter beginArray() {
        value();
        out.append('[');
        hasItems[++depth] = false;
        return this;
    }

    JsonWriter endArray() {
        depth--;
        out.append(']');
        return this;
    }

    JsonWriter key(String name) {
        if (hasItems[depth]) {
            out.append(',');
        }
        hasItems[depth] = true;
        newline();
        string(name);
        out.append(": ");
        afterKey = true;
        return this;
    }

    private void newline() {
        out.append('\n');
        out.append("  ".repeat(Math.max(0, depth)));
    }

    private void value() {
        if (afterKey) {
            afterKey = false;
            return;
        }
        if (depth > 0) {
            if (hasItems[depth]) {
                out.append(", ");
            }
            hasItems[depth] = true;
        }
    }

    JsonWriter value(String text) {
        value();
        if (text == null) {
            out.append("null");
        } else {
            string(text);
        }
        return this;
    }

    JsonWriter value(boolean b) {
        value();
        out.append(b);
        return this;
    }

    JsonWriter value(long n) {
        value();
        out.append(n);
        return this;
    }

    /**
     * A number rounded to {@code decimals} places (0–9, halves away from zero), trailing zeros dropped;
     * NaN and infinities become null.
     */
    JsonWriter value(double number, int decimals) {
        value();
        if (!Double.isFinite(number)) {
            out.append("null");
            return this;
        }
        long scale = POWERS_OF_TEN[decimals];
        double scaled = Math.abs(number) * scale;
        if (scaled >= 9e15) {
            // Too large for exact fixed-point digits: let Java print it (may use an exponent, valid JSON).
            out.append(number);
            return this;
        }
        long units = Math.round(scaled);
        if (units == 0) {
            out.append('0');
            return this;
        }
        if (number < 0) {
            out.append('-');
        }
        out.append(units / scale);
        long fraction = units % scale;
        if (fraction != 0) {
            int digits = decimals;
            while (fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
            out.append('.');
            String text = Long.toString(fraction);
            for (int i = text.length(); i < digits; i++) {
                out.append('0');
            }
            out.append(text);
        }
        return this;
    }

    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000};

    private void string(String text) {
        JsonText.quote(out, text);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
