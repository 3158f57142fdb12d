package dev.mixdojo.analysis.stereo;

import dev.mixdojo.analysis.KWeighting;
import dev.mixdojo.analysis.DoubleList;
import dev.mixdojo.analysis.TimeSeries;
import dev.mixdojo.analysis.spectrum.BandLevels;
import dev.mixdojo.analysis.spectrum.FrequencyBands;
import dev.mixdojo.analysis.spectrum.WelchSpectra;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming stereo analysis of the first two channels (left, right): correlation, width,
 * balance, mono fold-down loss and false-stereo detection; per-band correlation and low-frequency
 * width come from the Welch cross spectrum at the end. Not thread-safe.
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
    private final KWeighting kWeighting;
    private double[][] kWeighted = new double[2][0];
    private double sumLL;
    private double sumRR;
    private double sumLR;
    private double kLL;
    private double kRR;
    private double kLR;
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
        this.kWeighting = new KWeighting(2, sampleRateHz);
    }

    /** Analyses {@code frames} frames of channels 0 (left) and 1 (right) of the block. */
    public void accept(float[][] block, int frames) {
        if (kWeighted[0].length < frames) {
            kWeighted = new double[2][frames];
        }
        float[] l = block[0];
        float[] r = block[1];
        double[] kLeft = kWeighted[0];
        double[] kRight = kWeighted[1];
        copy(l, kLeft, frames);
        copy(r, kRight, frames);
        kWeighting.process(kWeighted, frames);
        kLL += dot(kLeft, kLeft, frames);
        kRR += dot(kRight, kRight, frames);
        kLR += dot(kLeft, kRight, frames);
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

    // Small single-loop methods: the JIT compiles them quickly (see LoudnessMeter).
    private static void copy(float[] in, double[] out, int frames) {
        for (int i = 0; i < frames; i++) {
            out[i] = in[i];
        }
    }

    private static double dot(double[] a, double[] b, int frames) {
        double sum = 0;
        for (int i = 0; i < frames; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

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
