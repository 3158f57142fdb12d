package dev.mixdojo.grading;

import java.util.Locale;

/** Where an error sits against what an ear notices. */
public enum Verdict {
    /** At or below the just-noticeable difference: nothing to fix. */
    WITHIN,
    /** Up to twice the just-noticeable difference: a trained ear hears it in A/B. */
    NEAR,
    /** More than twice the just-noticeable difference: anyone comparing hears it. */
    OUTSIDE;

    /** The lower-case word used in reports. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Verdict of(double absoluteError, double jnd) {
        return absoluteError <= jnd ? WITHIN : absoluteError <= 2 * jnd ? NEAR : OUTSIDE;
    }
}
