package dev.mixdojo.grading;

import dev.mixdojo.dsp.ProcessorSettings;
import java.util.Objects;
import java.util.Optional;

/**
 * One scored difference between the learner's mix and the target; immutable. Made with {@link #of}; the score
 * sets {@link #pointsLost} with {@link #withPointsLost}.
 *
 * @param subject    the stem's name, or {@code mix} for the whole mix
 * @param aspect     the {@link Aspect#word()}: {@code level}, {@code pan}, {@code eq}, {@code ride}, {@code compression},
 *                   {@code reverb}, {@code stereo} or {@code loudness}
 * @param measure    the difference (mix minus target), its uncertainty, unit and just-noticeable difference
 * @param verdict    within, near or outside what an ear notices
 * @param distance   how far beyond its JND the difference is, in JNDs: what it adds to the score's distance (0 for
 *                   items reported but not scored)
 * @param pointsLost this item's share of the points the mix loses (the loss shared in proportion to distance²)
 * @param advice     one sentence for the learner
 * @param fix        the move that corrects it, in the chain vocabulary, to apply to the stem's strip; empty for
 *                   items no chain step corrects (the whole mix's loudness, a reverb send, a mono bounce)
 */
public record ScoreItem(String subject, String aspect, Measure measure, Verdict verdict, double distance,
        double pointsLost, String advice, Optional<ProcessorSettings> fix) {

    /**
     * A measured difference.
     *
     * @param error       mix minus target, in {@code unit}
     * @param uncertainty the standard error of {@code error} (0 when not estimated)
     * @param unit        {@code dB}, {@code dB ILD}, {@code dB range} or {@code LU}
     * @param jnd         the just-noticeable difference used, in {@code unit}
     */
    public record Measure(double error, double uncertainty, String unit, double jnd) {
        /** Checks the values. */
        public Measure {
            if (!Double.isFinite(error) || !(uncertainty >= 0) || !(jnd > 0)) {
                throw new IllegalArgumentException("a measure needs a finite error, an uncertainty ≥ 0 and a positive JND");
            }
        }
    }

    /** Checks the values. */
    public ScoreItem {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(fix, "fix");
        if (!(distance >= 0) || !(pointsLost >= 0) || advice == null || advice.isBlank()) {
            throw new IllegalArgumentException("a score item needs a distance ≥ 0, points lost ≥ 0 and advice");
        }
    }

    /** A scored item: its verdict from the JND, its distance {@link ScoreScale#excess}. */
    public static ScoreItem of(String subject, Aspect aspect, double error, double uncertainty, String advice,
            Optional<ProcessorSettings> fix) {
        Measure measure = new Measure(error, uncertainty, aspect.unit(), aspect.jnd());
        return new ScoreItem(subject, aspect.word(), measure, Verdict.of(Math.abs(error), aspect.jnd()),
                ScoreScale.excess(error, aspect.jnd()), 0, advice, fix);
    }

    /** An item reported with its verdict and advice, costing nothing. */
    public static ScoreItem reported(String subject, Aspect aspect, double error, String advice) {
        return of(subject, aspect, error, 0, advice, Optional.empty()).notScored();
    }

    /** Mix minus target, in {@link #unit()}. */
    public double error() {
        return measure.error();
    }

    /** The standard error of {@link #error()}. */
    public double uncertainty() {
        return measure.uncertainty();
    }

    /** The unit of the error. */
    public String unit() {
        return measure.unit();
    }

    /** The just-noticeable difference used. */
    public double jnd() {
        return measure.jnd();
    }

    /** The same item with another distance (what it adds to the score). */
    public ScoreItem withDistance(double newDistance) {
        return new ScoreItem(subject, aspect, measure, verdict, newDistance, pointsLost, advice, fix);
    }

    /** The same item costing nothing: reported, not scored. */
    public ScoreItem notScored() {
        return new ScoreItem(subject, aspect, measure, verdict, 0, 0, advice, fix);
    }

    /** The same item with its share of the points lost. */
    public ScoreItem withPointsLost(double points) {
        return new ScoreItem(subject, aspect, measure, verdict, distance, points, advice, fix);
    }
}
