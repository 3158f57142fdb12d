package dev.mixdojo.dsp.automation;

/** One point of an automation envelope: at {@code timeS} seconds (≥ 0) the parameter is {@code value}. */
public record Breakpoint(double timeS, double value) {
    /** Rejects negative or non-finite times and non-finite values. */
    public Breakpoint {
        if (!(timeS >= 0) || Double.isInfinite(timeS)) {
            throw new IllegalArgumentException("automation time must be a finite number of seconds >= 0, got " + timeS);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("automation value must be finite, got " + value);
        }
    }
}
