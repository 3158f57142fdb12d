package dev.mixdojo.analysis.stereo;

import dev.mixdojo.analysis.Biquad;
import dev.mixdojo.analysis.DoubleList;
import dev.mixdojo.analysis.TimeSeries;
import dev.mixdojo.analysis.spectrum.BandLevels;
import dev.mixdojo.analysis.spectrum.FrequencyBands;
import dev.mixdojo.analysis.spectrum.WelchSpectra;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming stereo analysis of the first two channels (left, right): correlation, width and
 * false-stereo detection; balance, mono fold-down loss, per-band correlation and low-frequency
 * width come from the Welch spectra at the end. Not thread-safe.
 */
public final class StereoAnalyzer {
    /** Upper limit of the low-frequency width measure, in Hz. */
    public static final double LOW_FREQUENCY_LIMIT_HZ = 120;
    /** Correlation at or above which two channels count as the same signal. */
    public static final double FALSE_STEREO_CORRELATION = 0.9995;
    /** Frames quieter than this (RMS of both channels, dBFS) are left out of the false-stereo test. */
    static final double SILENT_FRAME_DBFS = -60;

    private final int sampleRateHz;
    private final int frameFrames;
    private double sumLL;
    private double sumRR;
    private double sumLR;
    private double frameLL;
    private double frameRR;
    private double frameLR;
    private int framePosition;
    private double loudLL;
    private double loudRR;
    private double loudLR;
    private final DoubleList correlationOverTime = new DoubleList();

    /** An analyzer for a programme at the given sample rate. */
    public StereoAnalyzer(int sampleRateHz) {
        this.sampleRateHz = sampleRateHz;
        this.frameFrames = Math.max(1, sampleRateHz / 10);
    }

    /** Analyses {@code frames} frames of channels 0 (left) and 1 (right) of the block. */
    public void accept(float[][] block, int frames) {
        float[] l = block[0];
        float[] r = block[1];
        int i = 0;
        while (i < frames) {
            int n = Math.min(frames - i, frameFrames - framePosition);
            frameLL += dot(l, l, i, i + n);
            frameRR += dot(r, r, i, i + n);
            frameLR += dot(l, r, i, i + n);
            framePosition += n;
            i += n;
            if (framePosition == frameFrames) {
                finishFrame();
            }
        }
    }

    // A small single-loop method: the JIT compiles it quickly (see LoudnessMeter).
    private static double dot(float[] a, float[] b, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += a[i] * (double) b[i];
        }
        return sum;
    }

    private void finishFrame() {
        double silent = frameFrames * Math.pow(10, SILENT_FRAME_DBFS / 10);
        boolean bothSounding = frameLL > silent && frameRR > silent;
        correlationOverTime.add(bothSounding ? frameLR / Math.sqrt(frameLL * frameRR) : Double.NaN);
        if (bothSounding) {
            loudLL += frameLL;
            loudRR += frameRR;
            loudLR += frameLR;
        }
        addFrameToTotals();
    }

    private void addFrameToTotals() {
        sumLL += frameLL;
        sumRR += frameRR;
        sumLR += frameLR;
        frameLL = 0;
        frameRR = 0;
        frameLR = 0;
        framePosition = 0;
    }

    /** The result; {@code spectra} (from the same programme) gives per-band correlation and low-frequency width. */
    public StereoResult result(WelchSpectra spectra) {
        // A last partial frame counts towards the totals but not the 100 ms series.
        addFrameToTotals();
        double correlation = correlation(sumLL, sumRR, sumLR);
        double mid = sumLL + sumRR + 2 * sumLR;
        double side = sumLL + sumRR - 2 * sumLR;
        double width = mid > 0 ? side / mid : (side > 0 ? Double.POSITIVE_INFINITY : Double.NaN);
        // K-weighted powers (BS.1770) from the spectra: Σ|K(f)|²·P(f) is the mean square of the
        // K-weighted channel (Parseval), so the time-domain filter need not run a second time.
        double[] kWeight = kWeightingPower(spectra);
        double kLL = weightedSum(spectra.leftPower(), kWeight);
        double kRR = weightedSum(spectra.rightPower(), kWeight);
        double kLR = weightedSum(spectra.crossPower(), kWeight);
        double balance = kLL > 0 && kRR > 0 ? 10 * Math.log10(kLL / kRR) : Double.NaN;
        // Fold-down (L+R)/2 on both channels: power 2·mean(((l+r)/2)²) = (LL + RR + 2LR)/2.
        double stereoPower = kLL + kRR;
        double monoPower = (kLL + kRR + 2 * kLR) / 2;
        double monoLoss = stereoPower > 0 && monoPower > 0 ? 10 * Math.log10(stereoPower / monoPower)
                : (stereoPower > 0 ? Double.POSITIVE_INFINITY : Double.NaN);
        double loudCorrelation = correlation(loudLL, loudRR, loudLR);
        boolean falseStereo = loudLL > 0 && loudCorrelation >= FALSE_STEREO_CORRELATION;
        double hopS = frameFrames / (double) sampleRateHz;
        return new StereoResult(correlation, width, balance, monoLoss, lowFrequencyWidth(spectra), falseStereo,
                bandCorrelation(spectra), new TimeSeries(hopS / 2, hopS, correlationOverTime.toFloatArray()));
    }

    /** |K(f)|² of the BS.1770 K-weighting filter at each bin of the spectra. */
    private double[] kWeightingPower(WelchSpectra spectra) {
        Biquad shelf = Biquad.kWeightingShelf(sampleRateHz);
        Biquad highPass = Biquad.kWeightingHighPass(sampleRateHz);
        double[] power = new double[spectra.leftPower().length];
        for (int k = 0; k < power.length; k++) {
            double hz = k * spectra.binHz();
            power[k] = Math.pow(10, (shelf.magnitudeDbAt(hz, sampleRateHz) + highPass.magnitudeDbAt(hz, sampleRateHz)) / 10);
        }
        return power;
    }

    private static double weightedSum(double[] values, double[] weights) {
        double sum = 0;
        for (int k = 0; k < values.length; k++) {
            sum += values[k] * weights[k];
        }
        return sum;
    }

    private static double correlation(double ll, double rr, double lr) {
        return ll > 0 && rr > 0 ? lr / Math.sqrt(ll * rr) : Double.NaN;
    }

    private double lowFrequencyWidth(WelchSpectra spectra) {
        double[] l = spectra.leftPower();
        double[] r = spectra.rightPower();
        double[] x = spectra.crossPower();
        double mid = 0;
        double side = 0;
        for (int k = 1; k * spectra.binHz() <= LOW_FREQUENCY_LIMIT_HZ && k < l.length; k++) {
            mid += l[k] + r[k] + 2 * x[k];
            side += l[k] + r[k] - 2 * x[k];
        }
        return mid > 1e-20 ? Math.max(0, side) / mid : Double.NaN;
    }

    private BandLevels bandCorrelation(WelchSpectra spectra) {
        FrequencyBands bands = FrequencyBands.octaves(sampleRateHz / 2.0);
        double[] ll = bands.sum(spectra.leftPower(), spectra.binHz());
        double[] rr = bands.sum(spectra.rightPower(), spectra.binHz());
        double[] lr = bands.sum(spectra.crossPower(), spectra.binHz());
        List<Double> values = new ArrayList<>();
        for (int b = 0; b < bands.count(); b++) {
            values.add(correlation(ll[b], rr[b], lr[b]));
        }
        return new BandLevels(bands, values);
    }
}
