package dev.mixdojo.progress;

/** Two-sided 95 % quantiles of Student's t distribution, for small-sample confidence intervals. */
final class StudentT {
    // t(0.975, df) for df = 1 … 30 (standard tables).
    private static final double[] Q975 = {
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    };

    private StudentT() {
    }

    /** t such that 95 % of the distribution with {@code degreesOfFreedom} lies within ±t. */
    static double quantile975(int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degrees of freedom must be at least 1");
        }
        return degreesOfFreedom <= Q975.length ? Q975[degreesOfFreedom - 1] : 1.96;
    }
}
