package dev.mixdojo.dsp.dynamics;

/**
 * The static curves in the log domain, after Giannoulis, Massberg &amp; Reiss, "Digital Dynamic Range
 * Compressor Design—A Tutorial and Analysis", JAES 60(6), 2012, eq. (4), with the mirror-image
 * curve for downward expansion. Input and output levels in dB; threshold in dB; knee width in dB.
 */
public final class GainComputer {
    private GainComputer() {
    }

    /**
     * Compressor output level: x below the knee, T + (x − T)/R above it, and the quadratic
     * x + (1/R − 1)(x − T + W/2)²/(2W) inside it. {@code ratio} may be infinite (limiter).
     */
    public static double compress(double inputDb, double thresholdDb, double ratio, double kneeDb) {
        double over = inputDb - thresholdDb;
        if (2 * over < -kneeDb) {
            return inputDb;
        }
        double slope = 1 / ratio - 1;
        if (2 * over >= kneeDb) {
            return thresholdDb + over / ratio;
        }
        double into = over + kneeDb / 2;
        return inputDb + slope * into * into / (2 * kneeDb);
    }

    /**
     * Downward-expander output level: x above the knee, T + (x − T)·R below it, and
     * x − (R − 1)(x − T − W/2)²/(2W) inside it; never more than {@code rangeDb} below x.
     */
    public static double expand(double inputDb, double thresholdDb, double ratio, double kneeDb, double rangeDb) {
        double over = inputDb - thresholdDb;
        double out;
        if (2 * over >= kneeDb) {
            out = inputDb;
        } else if (2 * over <= -kneeDb) {
            out = thresholdDb + over * ratio;
        } else {
            double into = over - kneeDb / 2;
            out = inputDb - (ratio - 1) * into * into / (2 * kneeDb);
        }
        return Math.max(out, inputDb - rangeDb);
    }
}
