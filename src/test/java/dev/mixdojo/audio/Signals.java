package dev.mixdojo.audio;

/** Test signals with known formulas. */
public final class Signals {
    /** Frames skipped at each end, well past any filter's half-length, before measuring. */
    private static final int EDGE_FRAMES = 2000;

    private Signals() {
    }

    /** {@code amplitude·sin(2π·f·n/rate + phase)} on each channel, with a per-channel phase step of 0.5 rad. */
    public static AudioBuffer sine(int channels, int frames, int rateHz, double frequencyHz, double amplitude) {
        float[][] out = new float[channels][frames];
        for (int c = 0; c < channels; c++) {
            for (int n = 0; n < frames; n++) {
                out[c][n] = (float) (amplitude * Math.sin(2 * Math.PI * frequencyHz * n / rateHz + 0.5 * c));
            }
        }
        return new AudioBuffer(out, rateHz);
    }

    /** Seeded uniform noise in -amplitude…amplitude. */
    public static AudioBuffer noise(int channels, int frames, int rateHz, double amplitude, long seed) {
        java.util.Random random = new java.util.Random(seed);
        float[][] out = new float[channels][frames];
        for (float[] channel : out) {
            for (int n = 0; n < frames; n++) {
                channel[n] = (float) (amplitude * (2 * random.nextDouble() - 1));
            }
        }
        return new AudioBuffer(out, rateHz);
    }

    /**
     * Signal-to-noise ratio of a sine of known frequency: least-squares fit of a·sin + b·cos + c
     * over the frames away from the edges, then fitted power over residual power.
     */
    public static double sineSnrDb(float[] samples, int rateHz, double frequencyHz) {
        double w = 2 * Math.PI * frequencyHz / rateHz;
        double[][] ata = new double[3][3];
        double[] aty = new double[3];
        for (int n = EDGE_FRAMES; n < samples.length - EDGE_FRAMES; n++) {
            double[] row = {Math.sin(w * n), Math.cos(w * n), 1};
            for (int i = 0; i < 3; i++) {
                aty[i] += row[i] * samples[n];
                for (int j = 0; j < 3; j++) {
                    ata[i][j] += row[i] * row[j];
                }
            }
        }
        double[] x = solve3(ata, aty);
        double signal = 0;
        double noise = 0;
        for (int n = EDGE_FRAMES; n < samples.length - EDGE_FRAMES; n++) {
            double fit = x[0] * Math.sin(w * n) + x[1] * Math.cos(w * n) + x[2];
            signal += fit * fit;
            noise += (samples[n] - fit) * (samples[n] - fit);
        }
        return 10 * Math.log10(signal / noise);
    }

    /** Cramer's rule for the 3×3 normal equations. */
    private static double[] solve3(double[][] a, double[] b) {
        double det = det3(a);
        double[] x = new double[3];
        for (int k = 0; k < 3; k++) {
            double[][] m = new double[3][];
            for (int i = 0; i < 3; i++) {
                m[i] = a[i].clone();
                m[i][k] = b[i];
            }
            x[k] = det3(m) / det;
        }
        return x;
    }

    private static double det3(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    /** RMS of the frames away from the edges. */
    public static double rmsAwayFromEdges(float[] samples) {
        double sum = 0;
        int count = 0;
        for (int n = EDGE_FRAMES; n < samples.length - EDGE_FRAMES; n++) {
            sum += samples[n] * (double) samples[n];
            count++;
        }
        return Math.sqrt(sum / count);
    }
}
