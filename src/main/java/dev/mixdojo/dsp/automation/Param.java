package dev.mixdojo.dsp.automation;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.dsp.Limits;

/** A numeric processor parameter in user units: either a fixed value or an automation envelope. */
public sealed interface Param permits Param.Fixed, Param.Automated {

    /** A parameter that does not move (a knob moved later is still smoothed by {@link ParamTrack}). */
    record Fixed(double value) implements Param {
        /** Rejects NaN and infinities. */
        public Fixed {
            if (!Double.isFinite(value)) {
                throw new BadInputException("a parameter value must be a finite number, got " + value);
            }
        }

        @Override
        public double valueAt(double seconds) {
            return value;
        }

        @Override
        public double min() {
            return value;
        }

        @Override
        public double max() {
            return value;
        }
    }

    /** A parameter that follows a breakpoint envelope, sample-accurately. */
    record Automated(Envelope envelope) implements Param {
        @Override
        public double valueAt(double seconds) {
            return envelope.valueAt(seconds);
        }

        @Override
        public double min() {
            return envelope.min();
        }

        @Override
        public double max() {
            return envelope.max();
        }
    }

    /** A fixed parameter. */
    static Param of(double value) {
        return new Fixed(value);
    }

    /** The value at {@code seconds} from the start of processing. */
    double valueAt(double seconds);

    /** The smallest value the parameter takes. */
    double min();

    /** The largest value the parameter takes. */
    double max();

    /** The value at the start, which is the only value of a fixed parameter. */
    default double initial() {
        return valueAt(0);
    }

    /** Checks every value the parameter takes is in [min, max]; else BadInputException naming it. */
    default Param checkBetween(String processor, String parameter, double min, double max) {
        Limits.between(processor, parameter, min(), min, max);
        Limits.between(processor, parameter, max(), min, max);
        return this;
    }

    /** Checks every value the parameter takes is at least {@code min}; else BadInputException naming it. */
    default Param checkAtLeast(String processor, String parameter, double min) {
        Limits.atLeast(processor, parameter, min(), min);
        return this;
    }
}
