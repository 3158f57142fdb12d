package dev.mixdojo.analysis.spectrum;

import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Streaming Welch analysis: Hann-windowed frames of about 85 ms (4096 samples at 44.1/48 kHz)
 * every half frame, averaged power per bin, plus a bounded spectrogram. Feed blocks in order with
 * {@link #accept}, then call {@link #spectra()} and {@link #spectrogram()}. Not thread-safe.
 */
public final class WelchAnalyzer {
    static {
        // JTransforms' default thread pool would keep the JVM alive for a minute after main ends.
        pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
    }

    /** Most spectrogram columns kept; older columns are merged in pairs when it fills. */
    public static final int MAX_SPECTROGRAM_COLUMNS = 512;

    private final int sampleRateHz;
    private final int channelCount;
    private final int size;
    private final int hop;
    private final double[] window;
    private final double scale;
    private final DoubleFFT_1D fft;
    private final float[][] pending;
    private int pendingFrames;
    private final double[] frame;
    private final double[] frameRight;
    private final double[] total;
    private final double[] left;
    private final double[] right;
    private final double[] cross;
    private final double[] framePower;
    private int frames;
    private long samplesSeen;

    private final FrequencyBands spectrogramBands;
    private float[][] columns = new float[MAX_SPECTROGRAM_COLUMNS][];
    private int columnCount;
    private int framesPerColumn = 1;
    /** Power per bin summed over the frames of the column being built (bands are summed once per column). */
    private final double[] columnPower;
    private int columnFrames;

    /** An analyzer for the given rate and channel count. */
    public WelchAnalyzer(int sampleRateHz, int channelCount) {
        this.sampleRateHz = sampleRateHz;
        this.channelCount = channelCount;
        this.size = Integer.highestOneBit((int) Math.max(256, sampleRateHz * 0.085 * 1.41));
        this.hop = size / 2;
        this.window = new double[size];
        double sumSquares = 0;
        for (int i = 0; i < size; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / size);
            sumSquares += window[i] * window[i];
        }
        // Parseval: Σ|X_k|²/N = Σ(w·x)²; dividing by Σw² gives the mean square of x.
        this.scale = 1.0 / (size * sumSquares);
        this.fft = new DoubleFFT_1D(size);
        this.pending = new float[channelCount][size];
        this.frame = new double[size];
        this.frameRight = new double[size];
        int bins = size / 2 + 1;
        this.total = new double[bins];
        this.framePower = new double[bins];
        boolean stereo = channelCount >= 2;
        this.left = stereo ? new double[bins] : null;
        this.right = stereo ? new double[bins] : null;
        this.cross = stereo ? new double[bins] : null;
        this.spectrogramBands = FrequencyBands.sixthOctaves(sampleRateHz / 2.0);
        this.columnPower = new double[bins];
    }

    /** FFT length in samples. */
    public int fftSize() {
        return size;
    }

    /** Analyses {@code frames} frames of the block. */
    public void accept(float[][] block, int frames) {
        int at = 0;
        while (at < frames) {
            int n = Math.min(frames - at, size - pendingFrames);
            for (int c = 0; c < channelCount; c++) {
                System.arraycopy(block[c], at, pending[c], pendingFrames, n);
            }
            pendingFrames += n;
            at += n;
            if (pendingFrames == size) {
                analyseFrame();
                for (int c = 0; c < channelCount; c++) {
                    System.arraycopy(pending[c], hop, pending[c], 0, size - hop);
                }
                pendingFrames = size - hop;
            }
        }
        samplesSeen += frames;
    }

    private void analyseFrame() {
        Arrays.fill(framePower, 0);
        for (int c = 2; c < channelCount; c++) {
            transform(pending[c], frame);
            addPower(frame, framePower, null);
        }
        transform(pending[0], frame);
        if (left != null) {
            transform(pending[1], frameRight);
            addPower(frame, framePower, left);
            addPower(frameRight, framePower, right);
            addCross(frame, frameRight, cross);
        } else {
            addPower(frame, framePower, null);
        }
        addToBoth(framePower, total, columnPower);
        frames++;
        addSpectrogramFrame();
    }

    private static void addToBoth(double[] values, double[] a, double[] b) {
        for (int k = 0; k < values.length; k++) {
            a[k] += values[k];
            b[k] += values[k];
        }
    }

    /** Adds the scaled power of each bin of a packed real FFT to {@code framePower} (and to {@code channelTotal}). */
    private void addPower(double[] packed, double[] framePower, double[] channelTotal) {
        int half = size / 2;
        // JTransforms packs Re(0) and Re(N/2) into the first two slots; the other bins are (re, im) pairs.
        double dc = packed[0] * packed[0] * scale;
        double nyquist = packed[1] * packed[1] * scale;
        framePower[0] += dc;
        framePower[half] += nyquist;
        addPairPower(packed, framePower, 2 * scale, half);
        if (channelTotal != null) {
            channelTotal[0] += dc;
            channelTotal[half] += nyquist;
            addPairPower(packed, channelTotal, 2 * scale, half);
        }
    }

    private static void addPairPower(double[] packed, double[] out, double weight, int half) {
        for (int k = 1; k < half; k++) {
            double r = packed[2 * k];
            double i = packed[2 * k + 1];
            out[k] += (r * r + i * i) * weight;
        }
    }

    /** Adds Re(L·conj(R)) per bin. */
    private void addCross(double[] l, double[] r, double[] crossTotal) {
        int half = size / 2;
        crossTotal[0] += l[0] * r[0] * scale;
        crossTotal[half] += l[1] * r[1] * scale;
        double weight = 2 * scale;
        for (int k = 1; k < half; k++) {
            crossTotal[k] += (l[2 * k] * r[2 * k] + l[2 * k + 1] * r[2 * k + 1]) * weight;
        }
    }

    private void transform(float[] samples, double[] out) {
        for (int i = 0; i < size; i++) {
            out[i] = samples[i] * window[i];
        }
        fft.realForward(out);
    }

    private void addSpectrogramFrame() {
        if (++columnFrames == framesPerColumn) {
            finishColumn();
        }
    }

    /** Turns the frames summed so far into a column (first merging the columns in pairs when they are all used). */
    private void finishColumn() {
        if (columnCount == MAX_SPECTROGRAM_COLUMNS) {
            // Halve the time resolution: merge neighbouring columns (power mean) and double the column length.
            for (int i = 0; i < MAX_SPECTROGRAM_COLUMNS / 2; i++) {
                float[] a = columns[2 * i];
                float[] b = columns[2 * i + 1];
                float[] merged = new float[a.length];
                for (int k = 0; k < a.length; k++) {
                    merged[k] = (float) ((a[k] + b[k]) / 2);
                }
                columns[i] = merged;
            }
            Arrays.fill(columns, MAX_SPECTROGRAM_COLUMNS / 2, MAX_SPECTROGRAM_COLUMNS, null);
            columnCount = MAX_SPECTROGRAM_COLUMNS / 2;
            framesPerColumn *= 2;
            if (columnFrames < framesPerColumn) {
                return;
            }
        }
        // Band sums are linear in the power, so summing the column's bins first gives the same bands.
        double[] bands = spectrogramBands.sum(columnPower, sampleRateHz / (double) size);
        float[] column = new float[bands.length];
        for (int b = 0; b < column.length; b++) {
            column[b] = (float) (bands[b] / columnFrames);
        }
        columns[columnCount++] = column;
        Arrays.fill(columnPower, 0);
        columnFrames = 0;
    }

    /** The averaged spectra; a programme shorter than one frame is analysed as one zero-padded frame. */
    public WelchSpectra spectra() {
        if (frames == 0 && samplesSeen > 0) {
            for (int c = 0; c < channelCount; c++) {
                Arrays.fill(pending[c], pendingFrames, size, 0f);
            }
            analyseFrame();
        }
        double divisor = Math.max(1, frames);
        return new WelchSpectra(sampleRateHz / (double) size,
                divide(total, divisor), divide(left, divisor), divide(right, divisor), divide(cross, divisor), frames);
    }

    private static double[] divide(double[] values, double divisor) {
        if (values == null) {
            return null;
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] / divisor;
        }
        return out;
    }

    /** The spectrogram in dBFS per sixth-octave band, at most {@link #MAX_SPECTROGRAM_COLUMNS} columns. */
    public Spectrogram spectrogram() {
        float[][] levels = new float[columnCount][];
        for (int i = 0; i < columnCount; i++) {
            levels[i] = new float[columns[i].length];
            for (int b = 0; b < levels[i].length; b++) {
                levels[i][b] = columns[i][b] > 0 ? (float) (10 * Math.log10(columns[i][b])) : Float.NEGATIVE_INFINITY;
            }
        }
        return new Spectrogram(spectrogramBands, framesPerColumn * hop / (double) sampleRateHz, levels);
    }
}
