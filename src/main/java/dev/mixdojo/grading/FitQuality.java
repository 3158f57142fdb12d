package dev.mixdojo.grading;

import java.util.Optional;

/**
 * How well the stems explain the learner's mix and the target, and what that means for the verdicts; immutable.
 *
 * @param mixResidualDb    energy of the mix the stems cannot explain, over the mix's energy, in dB
 * @param targetResidualDb the same for the target
 * @param trust            whether the verdicts stand, are lowered (only large differences are reported) or withheld
 * @param sentence         one sentence naming what the stems do not explain and its likely cause, when anything
 */
public record FitQuality(double mixResidualDb, double targetResidualDb, Trust trust, Optional<String> sentence) {

    /** What the fit lets the report say. */
    public enum Trust {
        /** The stems explain both mixes: every verdict stands. */
        FULL,
        /** Part of a mix is unexplained: only differences well above what it could hide are reported. */
        LOWERED,
        /** The stems explain too little of a mix to judge its stems: no stem verdicts. */
        WITHHELD
    }

    /** The explained share of the mix, 0…1. */
    public double mixExplained() {
        return 1 - Math.pow(10, mixResidualDb / 10);
    }

    /** The explained share of the target, 0…1. */
    public double targetExplained() {
        return 1 - Math.pow(10, targetResidualDb / 10);
    }
}
