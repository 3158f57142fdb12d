package dev.mixdojo.grading;

/**
 * One scored difference between the learner's mix and the target; immutable.
 *
 * @param subject     the stem's name, {@code KICK + BASS} names for masking, or {@code mix} for the whole mix
 * @param aspect      {@code level}, {@code pan}, {@code eq}, {@code ride} (gain over time), {@code compression},
 *                    {@code reverb} (send level), {@code masking} (kick and bass) or {@code loudness}
 * @param error       mix minus target in {@code unit} (for eq: the band with the largest difference; for a ride:
 *                    the window furthest from the stem's usual difference)
 * @param unit        {@code dB}, {@code dB ILD}, {@code dB range} (loudness range of the stem) or {@code LU}
 * @param jnd         the just-noticeable difference used, in {@code unit}
 * @param verdict     within, near or outside what an ear notices
 * @param pointsLost  points this item takes from 100 (0 for items reported but not scored)
 * @param advice      one sentence for the learner
 */
public record ScoreItem(String subject, String aspect, double error, String unit, double jnd, Verdict verdict,
        double pointsLost, String advice) {

    /** Checks the ranges. */
    public ScoreItem {
        if (!(jnd > 0) || pointsLost < 0 || advice == null || advice.isBlank()) {
            throw new IllegalArgumentException("a score item needs a positive JND, points lost ≥ 0 and advice");
        }
    }
}
