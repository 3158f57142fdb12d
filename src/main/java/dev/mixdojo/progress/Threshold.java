package dev.mixdojo.progress;

/**
 * A skill's threshold in its own unit with a 95 % confidence interval, from {@code reversals}
 * staircase reversals.
 */
public record Threshold(double value, double lower95, double upper95, int reversals) {
}
