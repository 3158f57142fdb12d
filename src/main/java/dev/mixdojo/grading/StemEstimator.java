package dev.mixdojo.grading;

import dev.mixdojo.analysis.spectrum.FrequencyBands;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import java.util.ArrayList;
import java.util.List;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Estimates each stem's gain, pan and EQ curve from the stems and a mix of them (Barchiesi &amp;
 * Reiss 2010, "Reverse engineering of a mix"): the mix is first aligned with the stem sum by
 * cross-correlation ({@link Alignment}), then, per mix channel and per third-octave band, the
 * complex gains G that minimise Σ|M − Σ G·X|² over all STFT frames and bins of the band are found
 * by least squares. The broadband fit sums the bands' normal equations (so it is the same fit over
 * every bin); left and right broadband gains give gain and constant-power pan, and each band's
 * gain over the broadband gain is the EQ curve. Exact for linear mixes (gain, pan, linear EQ);
 * compression and effects show up as residual. Stateless and thread-safe.
 */
public final class StemEstimator {
    /** STFT frame length in samples (170 ms at 48 kHz: long next to the impulse response of mixing EQs). */
    public static final int FRAME_SIZE = 8192;
    /**
     * Hop between STFT frames in samples: a whole frame. A least-squares fit needs no overlap-add, and
     * halving the work kept the measured errors as small (worst EQ band 0.068 dB with half-frame
     * overlap, 0.061 dB without).
     */
    public static final int HOP = FRAME_SIZE;
    /** A band whose stem energy is this far (dB) below the stem's loudest band gets no EQ estimate. */
    public static final double BAND_FLOOR_DB = -50;
    /** STFT frames per gain-automation window: 18 × 8192 samples = 3.07 s at 48 kHz, about a bar or two of music. */
    public static final int WINDOW_FRAMES = 18;
    /** A frame or window whose stem energy is this far (dB) below the stem's loudest counts as silent for the stem. */
    public static final double ACTIVE_RANGE_DB = -40;

    private StemEstimator() {
    }

    /** Estimates every stem's parameters in the mix; all audio must share one sample rate. */
    public static MixEstimate estimate(List<StemAudio> stems, AudioBuffer mix) {
        return estimateAll(stems, List.of(mix)).get(0);
    }

    /**
     * Estimates every stem's parameters in each of several mixes of the same stems (a learner's mix
     * and a target): the stems' spectra and Gram matrices are computed once for all of them.
     */
    public static List<MixEstimate> estimateAll(List<StemAudio> stems, List<AudioBuffer> mixes) {
        if (stems.isEmpty()) {
            throw new BadInputException("There are no stems to estimate.");
        }
        int rateHz = mixes.get(0).sampleRateHz();
        for (AudioBuffer mix : mixes) {
            if (mix.sampleRateHz() != rateHz) {
                throw new BadInputException("The mixes run at different sample rates (" + rateHz + " and "
                        + mix.sampleRateHz() + " Hz): bounce them at the stems' rate.");
            }
        }
        for (StemAudio s : stems) {
            if (s.audio().sampleRateHz() != rateHz) {
                throw new BadInputException("Stem " + s.name() + " runs at " + s.audio().sampleRateHz()
                        + " Hz but the mix at " + rateHz + " Hz: bounce them at one rate.");
            }
        }
        float[] stemSum = monoSum(stems);
        int[] delays = new int[mixes.size()];
        for (int m = 0; m < mixes.size(); m++) {
            delays[m] = Alignment.mixDelayFrames(stemSum, monoSum(List.of(new StemAudio("mix", mixes.get(m)))));
        }
        FrequencyBands bands = FrequencyBands.thirdOctaves(rateHz * 0.45);
        Fit fit = new Fit(stems, mixes, delays, bands);
        fit.run();
        List<MixEstimate> out = new ArrayList<>();
        for (int m = 0; m < mixes.size(); m++) {
            out.add(fit.result(m));
        }
        return out;
    }

    static float[] monoSum(List<StemAudio> sources) {
        int frames = sources.stream().mapToInt(s -> s.audio().frames()).max().orElse(0);
        float[] sum = new float[frames];
        for (StemAudio s : sources) {
            for (float[] channel : s.audio().channels()) {
                for (int i = 0; i < channel.length; i++) {
                    sum[i] += channel[i];
                }
            }
        }
        return sum;
    }

    /** The accumulation of the normal equations over STFT frames, then the solves; single use, not thread-safe. */
    private static final class Fit {
        private final List<StemAudio> stems;
        private final List<AudioBuffer> mixes;
        private final int[] delays;
        private final FrequencyBands bands;
        private final int stemCount;
        private final int channels;
        private final boolean[] stereoStem;
        private final int[] bandFirstBin;
        private final int[] bandEndBin;
        // [channel][band][i][j]; [mix][channel][band][i]; [mix][channel][band]
        private final double[][][][] gramRe;
        private final double[][][][] gramIm;
        private final double[][][][] rhsRe;
        private final double[][][][] rhsIm;
        private final double[][][] mixEnergy;
        // Per STFT frame, summed over the bands (the broadband normal equations of that frame):
        // [channel] → frames of [i][j]; [mix][channel] → frames of [i]; [mix][channel] → frames' energy.
        private final List<List<double[][]>> frameGramRe = new ArrayList<>();
        private final List<List<double[][]>> frameGramIm = new ArrayList<>();
        private final List<List<List<double[]>>> frameRhsRe = new ArrayList<>();
        private final List<List<List<double[]>>> frameRhsIm = new ArrayList<>();
        private double frameS;

        Fit(List<StemAudio> stems, List<AudioBuffer> mixes, int[] delays, FrequencyBands bands) {
            this.stems = stems;
            this.mixes = mixes;
            this.delays = delays;
            this.bands = bands;
            this.stemCount = stems.size();
            this.channels = mixes.stream().mapToInt(m -> Math.min(2, m.channelCount())).max().orElse(1);
            this.stereoStem = new boolean[stemCount];
            for (int i = 0; i < stemCount; i++) {
                stereoStem[i] = stems.get(i).audio().channelCount() == 2;
            }
            int bandCount = bands.count();
            double binHz = mixes.get(0).sampleRateHz() / (double) FRAME_SIZE;
            bandFirstBin = new int[bandCount];
            bandEndBin = new int[bandCount];
            for (int b = 0; b < bandCount; b++) {
                bandFirstBin[b] = Math.max(1, (int) Math.ceil(bands.lowerHz(b) / binHz));
                bandEndBin[b] = Math.min(FRAME_SIZE / 2, (int) Math.ceil(bands.upperHz(b) / binHz));
            }
            gramRe = new double[channels][bandCount][stemCount][stemCount];
            gramIm = new double[channels][bandCount][stemCount][stemCount];
            rhsRe = new double[mixes.size()][channels][bandCount][stemCount];
            rhsIm = new double[mixes.size()][channels][bandCount][stemCount];
            mixEnergy = new double[mixes.size()][channels][bandCount];
            for (int c = 0; c < channels; c++) {
                frameGramRe.add(new ArrayList<>());
                frameGramIm.add(new ArrayList<>());
            }
            for (int m = 0; m < mixes.size(); m++) {
                List<List<double[]>> re = new ArrayList<>();
                List<List<double[]>> im = new ArrayList<>();
                for (int c = 0; c < channels; c++) {
                    re.add(new ArrayList<>());
                    im.add(new ArrayList<>());
                }
                frameRhsRe.add(re);
                frameRhsIm.add(im);
            }
            frameS = HOP / (double) mixes.get(0).sampleRateHz();
        }

        void run() {
            DoubleFFT_1D fft = new DoubleFFT_1D(FRAME_SIZE);
            double[] window = new double[FRAME_SIZE];
            for (int n = 0; n < FRAME_SIZE; n++) {
                window[n] = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / FRAME_SIZE);
            }
            int length = stems.stream().mapToInt(s -> s.audio().frames()).max().orElse(0);
            double[][][] stemSpectra = new double[stemCount][2][FRAME_SIZE];
            double[][] mixSpectra = new double[channels][FRAME_SIZE];
            double[][][] regressors = new double[channels][stemCount][];
            for (int start = -FRAME_SIZE / 2; start < length; start += HOP) {
                for (int i = 0; i < stemCount; i++) {
                    AudioBuffer audio = stems.get(i).audio();
                    for (int c = 0; c < audio.channelCount(); c++) {
                        frame(audio.channel(c), start, window, stemSpectra[i][c]);
                        fft.realForward(stemSpectra[i][c]);
                    }
                    for (int c = 0; c < channels; c++) {
                        regressors[c][i] = stemSpectra[i][Math.min(c, audio.channelCount() - 1)];
                    }
                }
                for (int c = 0; c < channels; c++) {
                    // The right channel's Gram differs from the left's only where a stereo stem is involved.
                    double[][] re = new double[stemCount][stemCount];
                    double[][] im = new double[stemCount][stemCount];
                    accumulateGram(regressors[c], gramRe[c], gramIm[c], c > 0, re, im);
                    if (c > 0) {
                        copyMonoPairs(frameGramRe.get(0).get(frameGramRe.get(0).size() - 1), re);
                        copyMonoPairs(frameGramIm.get(0).get(frameGramIm.get(0).size() - 1), im);
                    }
                    mirror(re, im);
                    frameGramRe.get(c).add(re);
                    frameGramIm.get(c).add(im);
                }
                for (int m = 0; m < mixes.size(); m++) {
                    AudioBuffer mix = mixes.get(m);
                    for (int c = 0; c < Math.min(2, mix.channelCount()); c++) {
                        frame(mix.channel(c), start + delays[m], window, mixSpectra[c]);
                        fft.realForward(mixSpectra[c]);
                        double[] re = new double[stemCount];
                        double[] im = new double[stemCount];
                        accumulateRhs(regressors[c], mixSpectra[c], rhsRe[m][c], rhsIm[m][c], mixEnergy[m][c], re, im);
                        frameRhsRe.get(m).get(c).add(re);
                        frameRhsIm.get(m).get(c).add(im);
                    }
                }
            }
            completeGrams();
        }

        private static void frame(float[] x, int start, double[] window, double[] out) {
            for (int n = 0; n < FRAME_SIZE; n++) {
                int at = start + n;
                out[n] = at >= 0 && at < x.length ? window[n] * x[at] : 0;
            }
        }

        /** gram[b][i][j] += Σ_k conj(X_i(k))·X_j(k) over the bins of band b, for j ≥ i (the rest by symmetry later). */
        private void accumulateGram(double[][] x, double[][][] re, double[][][] im, boolean onlyStereoPairs,
                double[][] frameRe, double[][] frameIm) {
            for (int b = 0; b < bandFirstBin.length; b++) {
                int from = 2 * bandFirstBin[b];
                int to = 2 * bandEndBin[b];
                for (int i = 0; i < stemCount; i++) {
                    double[] xi = x[i];
                    for (int j = i; j < stemCount; j++) {
                        if (onlyStereoPairs && !stereoStem[i] && !stereoStem[j]) {
                            continue;
                        }
                        double[] xj = x[j];
                        double sr = 0;
                        double si = 0;
                        for (int k = from; k < to; k += 2) {
                            sr += xi[k] * xj[k] + xi[k + 1] * xj[k + 1];
                            si += xi[k] * xj[k + 1] - xi[k + 1] * xj[k];
                        }
                        re[b][i][j] += sr;
                        im[b][i][j] += si;
                        frameRe[i][j] += sr;
                        frameIm[i][j] += si;
                    }
                }
            }
        }

        /** rhs[b][i] += Σ_k conj(X_i(k))·M(k); also the mix energy in the bands. */
        private void accumulateRhs(double[][] x, double[] m, double[][] re, double[][] im, double[] bandEnergy,
                double[] frameRe, double[] frameIm) {
            for (int b = 0; b < bandFirstBin.length; b++) {
                int from = 2 * bandFirstBin[b];
                int to = 2 * bandEndBin[b];
                double energy = 0;
                for (int k = from; k < to; k += 2) {
                    energy += m[k] * m[k] + m[k + 1] * m[k + 1];
                }
                bandEnergy[b] += energy;
                for (int i = 0; i < stemCount; i++) {
                    double[] xi = x[i];
                    double sr = 0;
                    double si = 0;
                    for (int k = from; k < to; k += 2) {
                        sr += xi[k] * m[k] + xi[k + 1] * m[k + 1];
                        si += xi[k] * m[k + 1] - xi[k + 1] * m[k];
                    }
                    re[b][i] += sr;
                    im[b][i] += si;
                    frameRe[i] += sr;
                    frameIm[i] += si;
                }
            }
        }

        /** Copies the mono–mono pairs (upper triangle) of the left channel's frame Gram into the right channel's. */
        private void copyMonoPairs(double[][] left, double[][] right) {
            for (int i = 0; i < stemCount; i++) {
                for (int j = i; j < stemCount; j++) {
                    if (!stereoStem[i] && !stereoStem[j]) {
                        right[i][j] = left[i][j];
                    }
                }
            }
        }

        /** Fills what the accumulation left out: mono–mono pairs of the right channel, and the lower triangles. */
        private void completeGrams() {
            for (int c = 0; c < channels; c++) {
                for (int b = 0; b < bands.count(); b++) {
                    for (int i = 0; i < stemCount; i++) {
                        for (int j = i; j < stemCount; j++) {
                            if (c > 0 && !stereoStem[i] && !stereoStem[j]) {
                                gramRe[c][b][i][j] = gramRe[0][b][i][j];
                                gramIm[c][b][i][j] = gramIm[0][b][i][j];
                            }
                        }
                    }
                    mirror(gramRe[c][b], gramIm[c][b]);
                }
            }
        }

        MixEstimate result(int m) {
            int bandCount = bands.count();
            int channels = Math.min(2, mixes.get(m).channelCount());
            double[][][] rhsRe = this.rhsRe[m];
            double[][][] rhsIm = this.rhsIm[m];
            double[][] mixEnergy = this.mixEnergy[m];
            // gains[channel][band or bandCount for broadband] = {re[], im[]}
            double[][][][] gains = new double[channels][bandCount + 1][][];
            double explained = 0;
            double energy = 0;
            for (int c = 0; c < channels; c++) {
                int g = c;
                double[][] broadRe = new double[stemCount][stemCount];
                double[][] broadIm = new double[stemCount][stemCount];
                double[] broadYRe = new double[stemCount];
                double[] broadYIm = new double[stemCount];
                for (int b = 0; b < bandCount; b++) {
                    add(broadRe, gramRe[g][b]);
                    add(broadIm, gramIm[g][b]);
                    addVector(broadYRe, rhsRe[c][b]);
                    addVector(broadYIm, rhsIm[c][b]);
                    gains[c][b] = ComplexLeastSquares.solve(gramRe[g][b], gramIm[g][b], rhsRe[c][b], rhsIm[c][b]);
                    energy += mixEnergy[c][b];
                    for (int i = 0; i < stemCount; i++) {
                        // At the optimum the residual is |M|² − Re(yᴴ·G), band by band (the EQ is part of the model).
                        explained += rhsRe[c][b][i] * gains[c][b][0][i] + rhsIm[c][b][i] * gains[c][b][1][i];
                    }
                }
                double[][] broad = ComplexLeastSquares.solve(broadRe, broadIm, broadYRe, broadYIm);
                gains[c][bandCount] = broad;
            }
            double residual = Math.max(0, energy - explained);
            List<StemEstimate> out = new ArrayList<>();
            List<Double> centres = new ArrayList<>();
            for (int b = 0; b < bandCount; b++) {
                centres.add(bands.centreHz(b));
            }
            for (int i = 0; i < stemCount; i++) {
                double left = magnitude(gains[0][bandCount], i);
                double right = channels > 1 ? magnitude(gains[1][bandCount], i) : 0;
                                // Constant power: L = g·cos θ, R = g·sin θ, so g² = L² + R² and θ = atan2(R, L), position = 4θ/π − 1.
                // A stereo stem at unity feeds both sides at 1, so its L² + R² is halved to read 0 dB.
                double power = left * left + right * right;
                double gainDb = 10 * Math.log10(stereoStem[i] && channels > 1 ? power / 2 : power);
                double pan = channels > 1 && power > 0 ? Math.atan2(right, left) * 4 / Math.PI - 1 : 0;
                double loudestBand = 0;
                for (int b = 0; b < bandCount; b++) {
                    loudestBand = Math.max(loudestBand, gramRe[0][b][i][i]);
                }
                double floor = loudestBand * Math.pow(10, BAND_FLOOR_DB / 10);
                List<Double> eq = new ArrayList<>();
                List<Double> bandLevels = new ArrayList<>();
                for (int b = 0; b < bandCount; b++) {
                    if (gramRe[0][b][i][i] <= floor || power == 0) {
                        eq.add(Double.NaN);
                        bandLevels.add(Double.NaN);
                        continue;
                    }
                    double l = magnitude(gains[0][b], i);
                    double r = channels > 1 ? magnitude(gains[1][b], i) : 0;
                    eq.add(10 * Math.log10((l * l + r * r) / power));
                    double contribution = l * l * gramRe[0][b][i][i] + (channels > 1 ? r * r * gramRe[1][b][i][i] : 0);
                    bandLevels.add(10 * Math.log10(contribution));
                }
                out.add(new StemEstimate(stems.get(i).name(), gainDb, Math.max(-1, Math.min(1, pan)), centres, eq,
                        bandLevels));
            }
            return new MixEstimate(delays[m], energy > 0 ? 10 * Math.log10(residual / energy) : Double.NaN, out,
                    timelines(m, channels));
        }

        /**
         * Per stem, its level in the mix frame by frame (each frame's own broadband fit, which a compressor makes
         * follow the stem's level) and its gain window by window (the frames of a window fitted together: a
         * fader ride); NaN where the stem is silent.
         */
        private List<StemTimeline> timelines(int m, int channels) {
            int frames = frameGramRe.get(0).size();
            int windows = (frames + WINDOW_FRAMES - 1) / WINDOW_FRAMES;
            double[][] frameLevel = new double[stemCount][frames];
            double[][] frameEnergy = new double[stemCount][frames];
            for (int f = 0; f < frames; f++) {
                double[][][] g = new double[channels][][];
                for (int c = 0; c < channels; c++) {
                    g[c] = ComplexLeastSquares.solve(frameGramRe.get(c).get(f), frameGramIm.get(c).get(f),
                            frameRhsRe.get(m).get(c).get(f), frameRhsIm.get(m).get(c).get(f));
                }
                for (int i = 0; i < stemCount; i++) {
                    double level = 0;
                    for (int c = 0; c < channels; c++) {
                        double gain = magnitude(g[c], i);
                        level += gain * gain * frameGramRe.get(c).get(f)[i][i];
                        frameEnergy[i][f] += frameGramRe.get(c).get(f)[i][i];
                    }
                    frameLevel[i][f] = 10 * Math.log10(level);
                }
            }
            double[][] windowGain = new double[stemCount][windows];
            double[][] windowEnergy = new double[stemCount][windows];
            for (int w = 0; w < windows; w++) {
                double[][][] g = new double[channels][][];
                for (int c = 0; c < channels; c++) {
                    double[][] re = new double[stemCount][stemCount];
                    double[][] im = new double[stemCount][stemCount];
                    double[] yRe = new double[stemCount];
                    double[] yIm = new double[stemCount];
                    for (int f = w * WINDOW_FRAMES; f < Math.min(frames, (w + 1) * WINDOW_FRAMES); f++) {
                        add(re, frameGramRe.get(c).get(f));
                        add(im, frameGramIm.get(c).get(f));
                        addVector(yRe, frameRhsRe.get(m).get(c).get(f));
                        addVector(yIm, frameRhsIm.get(m).get(c).get(f));
                    }
                    g[c] = ComplexLeastSquares.solve(re, im, yRe, yIm);
                    for (int i = 0; i < stemCount; i++) {
                        windowEnergy[i][w] += re[i][i];
                    }
                }
                for (int i = 0; i < stemCount; i++) {
                    double power = 0;
                    for (int c = 0; c < channels; c++) {
                        double gain = magnitude(g[c], i);
                        power += gain * gain;
                    }
                    windowGain[i][w] = 10 * Math.log10(stereoStem[i] && channels > 1 ? power / 2 : power);
                }
            }
            List<StemTimeline> out = new ArrayList<>();
            for (int i = 0; i < stemCount; i++) {
                silence(frameLevel[i], frameEnergy[i]);
                silence(windowGain[i], windowEnergy[i]);
                out.add(new StemTimeline(stems.get(i).name(), frameS, WINDOW_FRAMES * frameS, frameLevel[i], windowGain[i]));
            }
            return out;
        }

        /** Sets to NaN the values whose stem energy is more than {@link #ACTIVE_RANGE_DB} below the stem's loudest. */
        private static void silence(double[] values, double[] energy) {
            double loudest = 0;
            for (double e : energy) {
                loudest = Math.max(loudest, e);
            }
            double floor = loudest * Math.pow(10, ACTIVE_RANGE_DB / 10);
            for (int k = 0; k < values.length; k++) {
                if (!(energy[k] > floor) || !Double.isFinite(values[k])) {
                    values[k] = Double.NaN;
                }
            }
        }

        private static double magnitude(double[][] gain, int i) {
            return Math.hypot(gain[0][i], gain[1][i]);
        }

        /** Fills the lower triangle from the upper one (A is Hermitian: A[j][i] = conj(A[i][j])). */
        private static void mirror(double[][] re, double[][] im) {
            for (int i = 0; i < re.length; i++) {
                for (int j = i + 1; j < re.length; j++) {
                    re[j][i] = re[i][j];
                    im[j][i] = -im[i][j];
                }
            }
        }

        private static void add(double[][] sum, double[][] term) {
            for (int i = 0; i < sum.length; i++) {
                addVector(sum[i], term[i]);
            }
        }

        private static void addVector(double[] sum, double[] term) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += term[i];
            }
        }
    }
}
