package dev.mixdojo.exercise;

/**
 * Grades a numeric answer by its distance from the truth in the skill's own unit: full credit
 * within {@code tolerance}, falling linearly to none at {@code zeroCreditDistance}; when
 * the sign matters (boost vs cut, left vs right) an answer of the wrong sign earns at most a
 * quarter, since confusing a boost with a cut is a worse mistake than misjudging its size.
 */
public record NumericGrading(Quantity quantity, double tolerance, double zeroCreditDistance, Sign sign) {

    /** Whether an answer of the wrong sign loses credit. */
    public enum Sign {
        /** Boost against cut, left against right: the wrong sign earns at most a quarter. */
        MATTERS,
        /** A size with no direction (a time, a share, an amount): the sign is not graded. */
        IGNORED
    }

    public NumericGrading {
        if (!(tolerance >= 0 && zeroCreditDistance > tolerance)) {
            throw new IllegalArgumentException("need 0 ≤ tolerance < zero-credit distance");
        }
    }

    /** The grade of {@code answer} when the truth is {@code truth} (both in the quantity's unit). */
    public Grade grade(double truth, double answer) {
        if (!Double.isFinite(answer)) {
            throw new IllegalArgumentException("an answer must be a finite number, got " + answer);
        }
        double error = quantity.distance(truth, answer);
        double size = Math.abs(error);
        boolean wrongSign = sign == Sign.MATTERS && Math.signum(truth) != 0 && Math.signum(answer) != Math.signum(truth);
        double score = size <= tolerance ? 1 : Math.max(0, 1 - (size - tolerance) / (zeroCreditDistance - tolerance));
        if (wrongSign) {
            score = Math.min(score, 0.25);
        }
        boolean correct = size <= tolerance && !wrongSign;
        String feedback = "You said " + quantity.format(answer) + "; it was " + quantity.format(truth)
                + (correct && size < 0.05 ? "." : " — " + quantity.describeError(error)
                + (wrongSign ? ", and the other direction" : "") + ".");
        return new Grade(score, correct, error, quantity.errorUnit(), feedback);
    }
}
