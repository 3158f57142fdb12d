package dev.mixdojo.analysis;

/** Conversions between linear quantities and decibels; pure and thread-safe. */
public final class Levels {
    private Levels() {
    }

    /** 10·log10(power), or negative infinity for zero power. */
    public static double powerToDb(double power) {
        return power > 0 ? 10.0 * Math.log10(power) : Double.NEGATIVE_INFINITY;
    }

    /** 20·log10(|amplitude|), or negative infinity for zero. */
    public static double amplitudeToDb(double amplitude) {
        return amplitude != 0 ? 20.0 * Math.log10(Math.abs(amplitude)) : Double.NEGATIVE_INFINITY;
    }

    /** The linear amplitude of a level in dB. */
    public static double dbToAmplitude(double levelDb) {
        return Math.pow(10.0, levelDb / 20.0);
    }

    /** The linear power of a level in dB. */
    public static double dbToPower(double levelDb) {
        return Math.pow(10.0, levelDb / 10.0);
    }
}
