package dev.mixdojo.exercise;

import dev.mixdojo.progress.Attempt;
import dev.mixdojo.progress.ProgressStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * How often each target of a drill (a band or a stem, by the label the learner sees) comes up for
 * one learner: half the draws uniform, half in proportion to each target's error rate smoothed by
 * Laplace's rule ((wrong + 1) / (asked + 2)), since drilling weak bands beats uniform drills
 * (Kaniwa 2011; RESEARCH.md). {@link #NONE} draws uniformly, so a classroom seed gives every
 * student the same question.
 *
 * @param errorRateByLabel the smoothed error rate (0–1) per target label with history
 */
public record TargetWeights(Map<String, Double> errorRateByLabel) {
    /** No weighting: every target is equally likely, drawn as unweighted generation draws it. */
    public static final TargetWeights NONE = new TargetWeights(Map.of());

    /** The smoothed error rate of a target with no history. */
    static final double PRIOR_ERROR_RATE = 0.5;
    /** The share of draws made uniformly, whatever the history. */
    static final double UNIFORM_SHARE = 0.5;

    /** Validates and copies the rates. */
    public TargetWeights {
        errorRateByLabel = Map.copyOf(errorRateByLabel);
        for (Map.Entry<String, Double> e : errorRateByLabel.entrySet()) {
            if (!(e.getValue() >= 0 && e.getValue() <= 1)) {
                throw new IllegalArgumentException("the error rate of " + e.getKey() + " must be between 0 and 1, got " + e.getValue());
            }
        }
    }

    /** The weights a learner's attempts at one skill give (the skill of the drill's kind, e.g. {@code eq.frequency}). */
    public static TargetWeights fromAttempts(List<Attempt> attempts, String skill) {
        Map<String, Double> rates = new LinkedHashMap<>();
        ProgressStatistics.tallyByTruth(attempts, skill)
                .forEach((label, tally) -> rates.put(label, (tally.wrong() + 1.0) / (tally.attempts() + 2.0)));
        return new TargetWeights(rates);
    }

    /**
     * The probability of each candidate being drawn by {@link #pick}, in candidate order: uniform
     * without history, else half uniform and half in proportion to the smoothed error rates.
     */
    public <T> double[] probabilities(List<T> candidates, Function<T, String> label) {
        int n = candidates.size();
        double[] p = new double[n];
        if (errorRateByLabel.isEmpty()) {
            java.util.Arrays.fill(p, 1.0 / n);
            return p;
        }
        double[] rates = candidates.stream().mapToDouble(c -> errorRateByLabel.getOrDefault(label.apply(c), PRIOR_ERROR_RATE))
                .toArray();
        double total = java.util.Arrays.stream(rates).sum();
        for (int i = 0; i < n; i++) {
            p[i] = UNIFORM_SHARE / n + (1 - UNIFORM_SHARE) * (total > 0 ? rates[i] / total : 1.0 / n);
        }
        return p;
    }

    /**
     * One of the candidates, drawn with {@link #probabilities}. Without history it draws
     * {@code candidates.get(random.nextInt(size))}, exactly as unweighted generation did, so no
     * question changes for a learner without history or a classroom.
     */
    public <T> T pick(List<T> candidates, Function<T, String> label, SplittableRandom random) {
        if (errorRateByLabel.isEmpty()) {
            return candidates.get(random.nextInt(candidates.size()));
        }
        double[] p = probabilities(candidates, label);
        double u = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < p.length; i++) {
            cumulative += p[i];
            if (u < cumulative) {
                return candidates.get(i);
            }
        }
        return candidates.get(candidates.size() - 1);
    }
}
