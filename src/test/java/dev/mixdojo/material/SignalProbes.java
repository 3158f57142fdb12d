package dev.mixdojo.material;

import java.util.ArrayList;
import java.util.List;
import org.jtransforms.fft.DoubleFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/** Independent measurements for the material tests: spectra, clicks, pitch and formants. */
final class SignalProbes {
    static final int RATE_HZ = 48_000;
    private static final int FFT = 8192;
    /**
     * Measured vowel formants are narrower than about 300 Hz (Hawks & Miller 1995, JASA 97:1343),
     * but LPC widens a formant that falls between the harmonics of a high voice (an alto at
     * 415 Hz samples a 120 Hz-wide F3 at harmonics 415 Hz apart), so the limit leaves room.
     */
    private static final double MAX_FORMANT_BANDWIDTH_HZ = 600;

    static {
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    private SignalProbes() {
    }

    /** Power spectrum (bins 0…FFT/2, bin width RATE/FFT) summed over Hann-windowed frames, 50 % overlap. */
    static double[] powerSpectrum(float[] x) {
        DoubleFFT_1D fft = new DoubleFFT_1D(FFT);
        double[] power = new double[FFT / 2 + 1];
        double[] frame = new double[FFT];
        for (int start = 0; start + FFT <= x.length; start += FFT / 2) {
            for (int i = 0; i < FFT; i++) {
                frame[i] = x[start + i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / FFT));
            }
            fft.realForward(frame);
            for (int k = 1; k < FFT / 2; k++) {
                power[k] += frame[2 * k] * frame[2 * k] + frame[2 * k + 1] * frame[2 * k + 1];
            }
        }
        return power;
    }

    /** The power-weighted mean frequency in Hz. */
    static double centroidHz(double[] power) {
        double weighted = 0;
        double total = 0;
        for (int k = 0; k < power.length; k++) {
            weighted += power[k] * k * RATE_HZ / (double) FFT;
            total += power[k];
        }
        return weighted / total;
    }

    /** The share (0…1) of the power at or above the frequency. */
    static double fractionAbove(double[] power, double frequencyHz) {
        double above = 0;
        double total = 0;
        for (int k = 0; k < power.length; k++) {
            total += power[k];
            if (k * RATE_HZ / (double) FFT >= frequencyHz) {
                above += power[k];
            }
        }
        return above / total;
    }

    /**
     * The worst click score: for each 1 ms window, the energy of the second difference (which a
     * step or kink makes jump) divided by the largest such energy among the other windows within
     * ±25 ms. Periodic waveform edges score about 1; an isolated click scores far higher. Windows
     * starting in {@code skip} ranges (intended attack transients) and windows quieter than
     * -70 dB re the peak are ignored.
     */
    static double worstClickScore(float[] x, List<long[]> skip) {
        int w = 48;
        int windows = x.length / w;
        double[] energy = new double[windows];
        double peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        for (int k = 0; k < windows; k++) {
            double sum = 0;
            for (int i = Math.max(1, k * w); i < (k + 1) * w && i < x.length - 1; i++) {
                double d = x[i + 1] - 2.0 * x[i] + x[i - 1];
                sum += d * d;
            }
            energy[k] = sum;
        }
        double floor = peak * peak * 1e-7 * w;
        boolean[] skipped = new boolean[windows];
        for (long[] range : skip) {
            for (long f = range[0]; f < range[1]; f += w) {
                int k = (int) (f / w);
                if (k >= 0 && k < windows) {
                    skipped[k] = true;
                }
            }
        }
        double worst = 0;
        for (int k = 25; k < windows - 25; k++) {
            if (energy[k] < floor || skipped[k]) {
                continue;
            }
            double neighbours = 1e-30;
            for (int j = k - 25; j <= k + 25; j++) {
                if (Math.abs(j - k) > 1) {
                    neighbours = Math.max(neighbours, energy[j]);
                }
            }
            worst = Math.max(worst, energy[k] / neighbours);
        }
        return worst;
    }

    /**
     * Fundamental frequencies (Hz) of 40 ms frames louder than -40 dB re the peak: the first
     * autocorrelation peak (30…1000 Hz) within 10 % of the highest, autocorrelation by FFT
     * (Wiener–Khinchin), every third frame.
     */
    static List<Double> pitchesHz(float[] x) {
        int frame = 1920;
        int size = 4096;
        int minLag = RATE_HZ / 1000;
        int maxLag = RATE_HZ / 30;
        double peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        DoubleFFT_1D fft = new DoubleFFT_1D(size);
        List<Double> pitches = new ArrayList<>();
        double[] buffer = new double[size];
        for (int start = 0; start + frame < x.length; start += frame * 3) {
            java.util.Arrays.fill(buffer, 0);
            double energy = 0;
            for (int i = 0; i < frame; i++) {
                buffer[i] = x[start + i];
                energy += x[start + i] * (double) x[start + i];
            }
            if (Math.sqrt(energy / frame) < peak * 0.01) {
                continue;
            }
            fft.realForward(buffer);
            buffer[0] = buffer[0] * buffer[0];
            buffer[1] = buffer[1] * buffer[1];
            for (int k = 1; k < size / 2; k++) {
                buffer[2 * k] = buffer[2 * k] * buffer[2 * k] + buffer[2 * k + 1] * buffer[2 * k + 1];
                buffer[2 * k + 1] = 0;
            }
            fft.realInverse(buffer, true);
            double[] r = new double[maxLag + 2];
            double best = 0;
            for (int lag = minLag; lag <= maxLag + 1; lag++) {
                // Unbias: fewer products overlap at longer lags.
                r[lag] = buffer[lag] / buffer[0] * frame / (frame - lag);
                if (lag <= maxLag) {
                    best = Math.max(best, r[lag]);
                }
            }
            if (best < 0.5) {
                continue;
            }
            for (int lag = minLag + 1; lag <= maxLag; lag++) {
                if (r[lag] >= 0.9 * best && r[lag] >= r[lag - 1] && r[lag] >= r[lag + 1]) {
                    pitches.add(RATE_HZ / (double) lag);
                    break;
                }
            }
        }
        return pitches;
    }

    /**
     * Formant estimates (Hz) of each voiced 30 ms frame: the first three resonances of an LPC model
     * (order 14, autocorrelation method with Levinson–Durbin, after decimating to 12 kHz and
     * pre-emphasis), as in classic LPC formant tracking (Markel & Gray 1976). A resonance is a
     * complex pole of the model: its angle gives the frequency, its radius r the bandwidth
     * -ln(r)·fs/π. Frequencies come from the poles, as Praat's "To Formant" takes them, and not
     * from peaks of the model's envelope: a weak F2 on the skirt of F1 (an alto "u", 325 and
     * 700 Hz) makes a shoulder, not a peak, and peak-picking then reports F4 as the third formant.
     * Poles broader than {@link #MAX_FORMANT_BANDWIDTH_HZ} are not counted, as they model the
     * source's spectral tilt rather than a resonance of the tract. A frame in which fewer than
     * three formants are found gets NaN for the missing ones, so it counts against any range check.
     */
    static List<double[]> formantsHz(float[] x) {
        int decimation = 4;
        int rate = RATE_HZ / decimation;
        float[] low = new float[x.length / decimation];
        // A 4-tap average is a poor but adequate anti-alias filter below 3 kHz for this purpose.
        for (int i = 0; i < low.length; i++) {
            double sum = 0;
            for (int k = 0; k < decimation; k++) {
                sum += x[i * decimation + k];
            }
            low[i] = (float) (sum / decimation);
        }
        double peak = 0;
        for (float v : low) {
            peak = Math.max(peak, Math.abs(v));
        }
        int frame = rate * 30 / 1000;
        // One pole pair per kHz of band for the tract's formants plus 2 for the source and lip
        // radiation: order = fs/1000 + 2 (Rabiner & Schafer 1978, ch. 8).
        int order = rate / 1000 + 2;
        List<double[]> result = new ArrayList<>();
        for (int start = 1; start + frame < low.length; start += frame) {
            double[] s = new double[frame];
            double energy = 0;
            for (int i = 0; i < frame; i++) {
                double emphasised = low[start + i] - 0.9 * low[start + i - 1];
                s[i] = emphasised * (0.54 - 0.46 * Math.cos(2 * Math.PI * i / (frame - 1)));
                energy += low[start + i] * (double) low[start + i];
            }
            if (Math.sqrt(energy / frame) < peak * 0.05) {
                continue;
            }
            double[] formants = {Double.NaN, Double.NaN, Double.NaN};
            int found = 0;
            for (double[] pole : resonances(lpc(s, order), rate)) {
                // Praat also drops poles within 50 Hz of 0 Hz and of the top of the analysed band.
                if (found < 3 && pole[0] > 50 && pole[0] < rate / 2.0 - 50 && pole[1] < MAX_FORMANT_BANDWIDTH_HZ) {
                    formants[found++] = pole[0];
                }
            }
            result.add(formants);
        }
        return result;
    }

    /**
     * The resonances {frequency Hz, bandwidth Hz} of the all-pole model 1/A(z), by ascending
     * frequency: the roots of A in the upper half plane, found by Durand–Kerner iteration.
     */
    private static List<double[]> resonances(double[] a, int rateHz) {
        int n = a.length - 1;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            // Start on a circle inside the unit circle, off the real axis, as Durand–Kerner needs.
            double angle = 2 * Math.PI * i / n + 0.4;
            re[i] = 0.9 * Math.cos(angle);
            im[i] = 0.9 * Math.sin(angle);
        }
        for (int iteration = 0; iteration < 500; iteration++) {
            double largestStep = 0;
            for (int i = 0; i < n; i++) {
                // p(z) = z^n + a1 z^(n-1) + … + an by Horner, over the product of (z - other roots).
                double pr = 1;
                double pi = 0;
                for (int k = 1; k <= n; k++) {
                    double next = pr * re[i] - pi * im[i] + a[k];
                    pi = pr * im[i] + pi * re[i];
                    pr = next;
                }
                double dr = 1;
                double di = 0;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        double xr = re[i] - re[j];
                        double xi = im[i] - im[j];
                        double next = dr * xr - di * xi;
                        di = dr * xi + di * xr;
                        dr = next;
                    }
                }
                double denominator = dr * dr + di * di;
                double stepRe = (pr * dr + pi * di) / denominator;
                double stepIm = (pi * dr - pr * di) / denominator;
                re[i] -= stepRe;
                im[i] -= stepIm;
                largestStep = Math.max(largestStep, Math.hypot(stepRe, stepIm));
            }
            if (largestStep < 1e-12) {
                break;
            }
        }
        List<double[]> poles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (im[i] > 0) {
                double frequencyHz = Math.atan2(im[i], re[i]) * rateHz / (2 * Math.PI);
                double bandwidthHz = -Math.log(Math.hypot(re[i], im[i])) * rateHz / Math.PI;
                poles.add(new double[] {frequencyHz, bandwidthHz});
            }
        }
        poles.sort((p, q) -> Double.compare(p[0], q[0]));
        return poles;
    }

    /** Prediction coefficients a[0]=1, a[1..order] by Levinson–Durbin on the autocorrelation. */
    private static double[] lpc(double[] s, int order) {
        double[] r = new double[order + 1];
        for (int lag = 0; lag <= order; lag++) {
            for (int i = lag; i < s.length; i++) {
                r[lag] += s[i] * s[i - lag];
            }
        }
        r[0] *= 1 + 1e-9;
        double[] a = new double[order + 1];
        a[0] = 1;
        double error = r[0];
        for (int i = 1; i <= order; i++) {
            double acc = r[i];
            for (int j = 1; j < i; j++) {
                acc += a[j] * r[i - j];
            }
            double k = -acc / error;
            double[] next = a.clone();
            for (int j = 1; j < i; j++) {
                next[j] = a[j] + k * a[i - j];
            }
            next[i] = k;
            a = next;
            error *= 1 - k * k;
        }
        return a;
    }
}
