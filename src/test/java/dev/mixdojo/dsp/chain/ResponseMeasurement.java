package dev.mixdojo.dsp.chain;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * H1 estimate of a linear system's magnitude response from its input and output:
 * |Σ X*·Y| / Σ |X|² over Hann-windowed frames with 50 % overlap (Bendat &amp; Piersol).
 */
public final class ResponseMeasurement {
    /** FFT frame length in samples. */
    public static final int FRAME = 16384;

    private ResponseMeasurement() {
    }

    /** Magnitude in dB at each FFT bin (bin k is k·fs/FRAME Hz). */
    public static double[] h1Db(float[] input, float[] output) {
        pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
        DoubleFFT_1D fft = new DoubleFFT_1D(FRAME);
        double[] crossRe = new double[FRAME / 2];
        double[] crossIm = new double[FRAME / 2];
        double[] auto = new double[FRAME / 2];
        double[] x = new double[FRAME];
        double[] y = new double[FRAME];
        for (int start = 0; start + FRAME <= input.length; start += FRAME / 2) {
            for (int i = 0; i < FRAME; i++) {
                double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / FRAME);
                x[i] = input[start + i] * w;
                y[i] = output[start + i] * w;
            }
            fft.realForward(x);
            fft.realForward(y);
            for (int k = 1; k < FRAME / 2; k++) {
                double xr = x[2 * k];
                double xi = x[2 * k + 1];
                double yr = y[2 * k];
                double yi = y[2 * k + 1];
                crossRe[k] += xr * yr + xi * yi;
                crossIm[k] += xr * yi - xi * yr;
                auto[k] += xr * xr + xi * xi;
            }
        }
        double[] db = new double[FRAME / 2];
        for (int k = 1; k < FRAME / 2; k++) {
            db[k] = 20 * Math.log10(Math.hypot(crossRe[k], crossIm[k]) / auto[k]);
        }
        return db;
    }
}
