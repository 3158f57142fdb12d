package dev.mixdojo.dsp.dynamics;

/** The kinds of dynamics processor, each a chain-vocabulary key. */
public enum DynamicsMode {
    /** Turns down what rises above the threshold by the ratio. */
    COMPRESSOR("compressor"),
    /** A compressor with an infinite ratio: nothing passes the threshold (by more than the attack lets through). */
    LIMITER("limiter"),
    /** Turns down what falls below the threshold by the ratio, at most by {@code rangeDb}. */
    EXPANDER("expander"),
    /** An expander with an effectively infinite ratio: below the threshold the signal drops by {@code rangeDb}. */
    GATE("gate");

    /** Ratio used for a gate: steep enough to act as a switch, finite so the knee stays smooth. */
    static final double GATE_RATIO = 1000;

    private final String vocabularyName;

    DynamicsMode(String vocabularyName) {
        this.vocabularyName = vocabularyName;
    }

    /** The chain-vocabulary key. */
    public String vocabularyName() {
        return vocabularyName;
    }

    /** Whether this mode acts below the threshold (expander, gate) rather than above it. */
    public boolean expands() {
        return this == EXPANDER || this == GATE;
    }
}
