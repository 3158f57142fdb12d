package dev.mixdojo.dsp.automation;

/** How an envelope moves between two breakpoints. */
public enum Curve {
    /** Straight line between the points. */
    LINEAR("linear"),
    /** Smoothstep (3t² − 2t³): starts and ends each segment with zero slope, so corners are rounded. */
    SMOOTH("smooth");

    private final String vocabularyName;

    Curve(String vocabularyName) {
        this.vocabularyName = vocabularyName;
    }

    /** The name used in chain files. */
    public String vocabularyName() {
        return vocabularyName;
    }

    /** The curve with the given chain-file name, or null if there is none. */
    public static Curve byName(String name) {
        for (Curve curve : values()) {
            if (curve.vocabularyName.equals(name)) {
                return curve;
            }
        }
        return null;
    }

    double shape(double fraction) {
        return this == LINEAR ? fraction : fraction * fraction * (3 - 2 * fraction);
    }
}
