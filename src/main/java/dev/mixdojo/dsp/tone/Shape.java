package dev.mixdojo.dsp.tone;

/** The transfer curves of the saturation, each with its chain-vocabulary name. */
public enum Shape {
    /** Hyperbolic tangent: smooth, tape-like, odd harmonics only. */
    TANH("tanh"),
    /** Cubic soft clip (1.5·(u − u³/3), flat beyond ±1): firmer knee, odd harmonics, brighter. */
    SOFT_CLIP("soft"),
    /** Tanh with a bias (tanh(u + 0.3) − tanh(0.3)): tube-like, adds even harmonics. */
    ASYMMETRIC("asymmetric");

    private static final double BIAS = 0.3;
    private static final double BIAS_TANH = Math.tanh(BIAS);

    private final String vocabularyName;

    Shape(String vocabularyName) {
        this.vocabularyName = vocabularyName;
    }

    /** The name used in chain files. */
    public String vocabularyName() {
        return vocabularyName;
    }

    /** The shape with the given chain-file name, or null if there is none. */
    public static Shape byName(String name) {
        for (Shape shape : values()) {
            if (shape.vocabularyName.equals(name)) {
                return shape;
            }
        }
        return null;
    }

    /** The curve applied to the driven signal {@code u}. */
    double apply(double u) {
        return switch (this) {
            case TANH -> Math.tanh(u);
            case SOFT_CLIP -> u >= 1 ? 1 : u <= -1 ? -1 : 1.5 * (u - u * u * u / 3);
            case ASYMMETRIC -> Math.tanh(u + BIAS) - BIAS_TANH;
        };
    }
}
