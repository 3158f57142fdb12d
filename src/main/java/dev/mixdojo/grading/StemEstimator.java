package dev.mixdojo.grading;

import dev.mixdojo.analysis.spectrum.FrequencyBands;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.DaemonThreads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Estimates each stem's gain, pan and EQ curve, and how its level moves over time, from the stems and a mix
 * of them (Barchiesi &amp; Reiss 2010, "Reverse engineering of a mix"). The mix is aligned with the stem sum by
 * cross-correlation ({@link Alignment}) and compared only where both exist: the common span, less the frames at
 * either end where the mix departs from the stems' fit (a fade, a bounce cut short). Per mix channel and per
 * third-octave band, the complex gains G that minimise Σ|M − Σ G·X|² over the STFT frames and bins of the band
 * are found by least squares; the broadband fit sums the bands' normal equations. The same fit on each of up to
 * {@value #SEGMENTS} stretches of the song gives the spread of every estimate, and a fit of one scale per stem
 * per frame, with the song's band gains held, gives its level over time (rides, compression). Exact for linear
 * mixes (gain, pan, linear EQ); compression and effects show up as residual. Stateless and thread-safe.
 */
public final class StemEstimator {
    /** STFT frame length in samples (170 ms at 48 kHz: long next to the impulse response of mixing EQs). */
    public static final int FRAME_SIZE = 8192;
    /** Hop between STFT frames in samples: a whole frame (a least-squares fit needs no overlap-add). */
    public static final int HOP = FRAME_SIZE;
    /** A band whose stem energy is this far (dB) below the stem's loudest band gets no EQ estimate. */
    public static final double BAND_FLOOR_DB = -50;
    /** STFT frames per gain-automation window: 18 × 8192 samples = 3.07 s at 48 kHz, about a bar or two of music. */
    public static final int WINDOW_FRAMES = 18;
    /** A frame or window whose stem energy is this far (dB) below the stem's loudest counts as silent for the stem. */
    public static final double ACTIVE_RANGE_DB = -40;
    /** Stretches of the song fitted on their own to measure how much each estimate varies. */
    public static final int SEGMENTS = 8;
    /**
     * Bins a band uses per frame, at most: wider bands take every n-th bin. A least-squares fit over a subset of
     * the bins is as unbiased as over all of them, and thousands of bins per band add nothing but time.
     */
    static final int MAX_BINS_PER_BAND = 48;
    /** A stem's level moves over the song when its scales per window spread by this much (dB RMS) or more. */
    static final double MOVING_DB = 0.5;
    /** Rounds of fitting the song's band gains and the stems' scales per window in turn. */
    static final int SCALE_ROUNDS = 2;
    /** A frame at either end whose mix level departs from the stems' fit by more than this (dB) is a fade or a cut. */
    static final double EDGE_TOLERANCE_DB = 1.0;

    private StemEstimator() {
    }

    /** Estimates every stem's parameters in the mix; all audio must share one sample rate. */
    public static MixEstimate estimate(List<StemAudio> stems, AudioBuffer mix) {
        return estimateAll(stems, List.of(mix)).get(0);
    }

    /**
     * Estimates every stem's parameters in each of several mixes of the same stems (a learner's mix and a
     * target): the stems' spectra and Gram matrices are computed once, and all mixes are compared over the same
     * span of the stems (where every mix has sound that the stems explain).
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
        int stemFrames = stemSum.length;
        int from = 0;
        int to = stemFrames;
        for (int m = 0; m < mixes.size(); m++) {
            AudioBuffer mix = mixes.get(m);
            delays[m] = Alignment.mixDelayFrames(stemSum, monoSum(List.of(new StemAudio("mix", mix))));
            from = Math.max(from, -delays[m]);
            to = Math.min(to, mix.frames() - delays[m]);
        }
        int frames = (to - from) / HOP;
        if (frames < 2) {
            throw new BadInputException(String.format(java.util.Locale.ROOT, "The mix and the stems overlap for only "
                    + "%.2f s: bounce the mix from the same start as the stems.", Math.max(0, to - from) / (double) rateHz));
        }
        Spectra spectra = new Spectra(stems, mixes, delays, from, frames,
                FrequencyBands.sixthOctaves(rateHz * 0.45), rateHz);
        spectra.run();
        return new Fit(spectra).results();
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

    /**
     * Per STFT frame, per channel and band: the stems' Gram matrix (upper triangle), and per mix the projections
     * of the mix on each stem and the mix's energy. Computed once; every fit sums some of its frames.
     */
    static final class Spectra {
        final List<StemAudio> stems;
        final List<AudioBuffer> mixes;
        final int[] delays;
        /** The first stem sample of frame 0. */
        final int firstSample;
        final int frameCount;
        final FrequencyBands bands;
        final int rateHz;
        final int stemCount;
        final int channels;
        final boolean[] stereoStem;
        final int[] bandFirstBin;
        final int[] bandEndBin;
        final int[] bandStride;
        final int pairs;
        final int[] pairI;
        final int[] pairJ;
        /** The pair index of (i, i). */
        final int[] diagonalPair;
        // [frame][channel][band][pair] and [mix][frame][channel][band][stem], flattened.
        final double[] gramRe;
        final double[] gramIm;
        final double[] rhsRe;
        final double[] rhsIm;
        final double[] mixEnergy;
        /** Per stem, per band, the stem's power in each bin the band is fitted on, summed over channels and frames. */
        final double[][][] binPower;
        /** Where each band's fitted bins start among all fitted bins. */
        final int[] binOffset;
        /** The stems' cross-spectra per fitted bin, summed over the frames. */
        final CrossSpectra cross;

        Spectra(List<StemAudio> stems, List<AudioBuffer> mixes, int[] delays, int firstSample, int frameCount,
                FrequencyBands bands, int rateHz) {
            this.stems = stems;
            this.mixes = mixes;
            this.delays = delays;
            this.firstSample = firstSample;
            this.frameCount = frameCount;
            this.bands = bands;
            this.rateHz = rateHz;
            this.stemCount = stems.size();
            this.channels = mixes.stream().mapToInt(m -> Math.min(2, m.channelCount())).max().orElse(1);
            this.stereoStem = new boolean[stemCount];
            for (int i = 0; i < stemCount; i++) {
                stereoStem[i] = stems.get(i).audio().channelCount() == 2;
            }
            int bandCount = bands.count();
            double binHz = rateHz / (double) FRAME_SIZE;
            bandFirstBin = new int[bandCount];
            bandEndBin = new int[bandCount];
            bandStride = new int[bandCount];
            for (int b = 0; b < bandCount; b++) {
                bandFirstBin[b] = Math.max(1, (int) Math.ceil(bands.lowerHz(b) / binHz));
                bandEndBin[b] = Math.min(FRAME_SIZE / 2, (int) Math.ceil(bands.upperHz(b) / binHz));
                int bins = Math.max(0, bandEndBin[b] - bandFirstBin[b]);
                bandStride[b] = Math.max(1, (bins + MAX_BINS_PER_BAND - 1) / MAX_BINS_PER_BAND);
            }
            pairs = stemCount * (stemCount + 1) / 2;
            pairI = new int[pairs];
            pairJ = new int[pairs];
            diagonalPair = new int[stemCount];
            for (int i = 0, p = 0; i < stemCount; i++) {
                diagonalPair[i] = p;
                for (int j = i; j < stemCount; j++, p++) {
                    pairI[p] = i;
                    pairJ[p] = j;
                }
            }
            gramRe = new double[frameCount * channels * bandCount * pairs];
            gramIm = new double[gramRe.length];
            rhsRe = new double[mixes.size() * frameCount * channels * bandCount * stemCount];
            rhsIm = new double[rhsRe.length];
            mixEnergy = new double[mixes.size() * frameCount * channels * bandCount];
            binPower = emptyBinPower();
            binOffset = new int[bandCount + 1];
            for (int b = 0; b < bandCount; b++) {
                binOffset[b + 1] = binOffset[b] + Math.max(0, (bandEndBin[b] - bandFirstBin[b] + bandStride[b] - 1) / bandStride[b]);
            }
            cross = new CrossSpectra(stemCount, channels, binOffset[bandCount]);
        }

        private double[][][] emptyBinPower() {
            double[][][] power = new double[stemCount][bands.count()][];
            for (int i = 0; i < stemCount; i++) {
                for (int b = 0; b < bands.count(); b++) {
                    power[i][b] = new double[Math.max(0, (bandEndBin[b] - bandFirstBin[b] + bandStride[b] - 1) / bandStride[b])];
                }
            }
            return power;
        }

        int gramAt(int frame, int c, int b) {
            return ((frame * channels + c) * bands.count() + b) * pairs;
        }

        int rhsAt(int mix, int frame, int c, int b) {
            return (((mix * frameCount + frame) * channels + c) * bands.count() + b) * stemCount;
        }

        int energyAt(int mix, int frame, int c, int b) {
            return ((mix * frameCount + frame) * channels + c) * bands.count() + b;
        }

        /** Fills every frame's sums; the frames are shared out between this thread and one helper. */
        void run() {
            int half = frameCount / 2;
            CompletableFuture<Sums> other = Runtime.getRuntime().availableProcessors() > 1 && frameCount > 8
                    ? CompletableFuture.supplyAsync(() -> frames(half, frameCount), DaemonThreads.sideTasks())
                    : null;
            Sums mine = frames(0, other == null ? frameCount : half);
            add(binPower, mine.power());
            cross.add(mine.cross());
            if (other != null) {
                Sums theirs = DaemonThreads.join(other);
                add(binPower, theirs.power());
                cross.add(theirs.cross());
            }
            cross.copyMonoPairs(stereoStem);
        }

        /** What one thread sums bin by bin over its frames. */
        private record Sums(double[][][] power, CrossSpectra cross) {
        }

        private static void add(double[][][] sum, double[][][] part) {
            for (int i = 0; i < sum.length; i++) {
                for (int b = 0; b < sum[i].length; b++) {
                    for (int k = 0; k < sum[i][b].length; k++) {
                        sum[i][b][k] += part[i][b][k];
                    }
                }
            }
        }

        /** Fills the sums of frames [first, end) and returns the stems' power and cross-spectra per fitted bin over them. */
        private Sums frames(int first, int end) {
            double[][][] power = emptyBinPower();
            CrossSpectra sums = new CrossSpectra(stemCount, channels, binOffset[bands.count()]);
            DoubleFFT_1D fft = new DoubleFFT_1D(FRAME_SIZE);
            double[] window = new double[FRAME_SIZE];
            for (int n = 0; n < FRAME_SIZE; n++) {
                window[n] = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / FRAME_SIZE);
            }
            double[][][] stemSpectra = new double[stemCount][2][FRAME_SIZE];
            double[] mixSpectrum = new double[FRAME_SIZE];
            double[][][] regressors = new double[channels][stemCount][];
            for (int f = first; f < end; f++) {
                int start = firstSample + f * HOP;
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
                    grams(regressors[c], f, c, sums);
                }
                for (int i = 0; i < stemCount; i++) {
                    for (int c = 0; c < stems.get(i).audio().channelCount(); c++) {
                        double[] x = stemSpectra[i][c];
                        for (int b = 0; b < bands.count(); b++) {
                            double[] p = power[i][b];
                            for (int j = 0, k = bandFirstBin[b]; j < p.length; j++, k += bandStride[b]) {
                                p[j] += x[2 * k] * x[2 * k] + x[2 * k + 1] * x[2 * k + 1];
                            }
                        }
                    }
                }
                for (int m = 0; m < mixes.size(); m++) {
                    AudioBuffer mix = mixes.get(m);
                    for (int c = 0; c < channels; c++) {
                        frame(mix.channel(Math.min(c, mix.channelCount() - 1)), start + delays[m], window, mixSpectrum);
                        fft.realForward(mixSpectrum);
                        projections(regressors[c], mixSpectrum, m, f, c);
                    }
                }
            }
            return new Sums(power, sums);
        }

        private static void frame(float[] x, int start, double[] window, double[] out) {
            for (int n = 0; n < FRAME_SIZE; n++) {
                int at = start + n;
                out[n] = at >= 0 && at < x.length ? window[n] * x[at] : 0;
            }
        }

        /** Σ_k conj(X_i(k))·X_j(k) over the band's bins, for j ≥ i; the right channel's mono–mono pairs copy the left's. */
        private void grams(double[][] x, int f, int c, CrossSpectra sums) {
            for (int b = 0; b < bands.count(); b++) {
                int at = gramAt(f, c, b);
                int left = gramAt(f, 0, b);
                int from = 2 * bandFirstBin[b];
                int to = 2 * bandEndBin[b];
                int step = 2 * bandStride[b];
                for (int p = 0; p < pairs; p++) {
                    int i = pairI[p];
                    int j = pairJ[p];
                    if (c > 0 && !stereoStem[i] && !stereoStem[j]) {
                        gramRe[at + p] = gramRe[left + p];
                        gramIm[at + p] = gramIm[left + p];
                        continue;
                    }
                    double[] xi = x[i];
                    double[] xj = x[j];
                    double sr = 0;
                    double si = 0;
                    int bin = sums.at(c, p) + binOffset[b];
                    for (int k = from; k < to; k += step, bin++) {
                        double pr = xi[k] * xj[k] + xi[k + 1] * xj[k + 1];
                        double pi = xi[k] * xj[k + 1] - xi[k + 1] * xj[k];
                        sr += pr;
                        si += pi;
                        sums.addAt(bin, pr, pi);
                    }
                    gramRe[at + p] = sr;
                    gramIm[at + p] = si;
                }
            }
        }

        /** Σ_k conj(X_i(k))·M(k) over the band's bins, and the mix's energy there. */
        private void projections(double[][] x, double[] mix, int m, int f, int c) {
            for (int b = 0; b < bands.count(); b++) {
                int from = 2 * bandFirstBin[b];
                int to = 2 * bandEndBin[b];
                int step = 2 * bandStride[b];
                double energy = 0;
                for (int k = from; k < to; k += step) {
                    energy += mix[k] * mix[k] + mix[k + 1] * mix[k + 1];
                }
                mixEnergy[energyAt(m, f, c, b)] = energy;
                int at = rhsAt(m, f, c, b);
                for (int i = 0; i < stemCount; i++) {
                    double[] xi = x[i];
                    double sr = 0;
                    double si = 0;
                    for (int k = from; k < to; k += step) {
                        sr += xi[k] * mix[k] + xi[k + 1] * mix[k + 1];
                        si += xi[k] * mix[k + 1] - xi[k + 1] * mix[k];
                    }
                    rhsRe[at + i] = sr;
                    rhsIm[at + i] = si;
                }
            }
        }
    }

    /**
     * The normal equations of one channel and band of one mix summed over some frames, as full K×K matrices; each
     * stem's regressor scaled in each automation window by the given scale (none: unit scales).
     */
    private record Normal(double[][] aRe, double[][] aIm, double[] yRe, double[] yIm, double energy) {
        /**
         * Every channel's and band's sums of mix {@code m} over frames [first, end), [channel][band]: one pass over the
         * frames in the order they are stored, each sum still adding its frames in order.
         */
        static Normal[][] sums(Spectra s, int m, int first, int end, Scales scales) {
            int k = s.stemCount;
            int bands = s.bands.count();
            double[][][][] aRe = new double[s.channels][bands][k][k];
            double[][][][] aIm = new double[s.channels][bands][k][k];
            double[][][] yRe = new double[s.channels][bands][k];
            double[][][] yIm = new double[s.channels][bands][k];
            double[][] energy = new double[s.channels][bands];
            for (int f = first; f < end; f++) {
                double[] scale = scales == null ? null : scales.gain[scales.window(f)];
                double common = scales == null ? 1 : scales.common[f - scales.origin];
                for (int c = 0; c < s.channels; c++) {
                    for (int b = 0; b < bands; b++) {
                        add(s, m, f, c, b, scale, common, aRe[c][b], aIm[c][b], yRe[c][b], yIm[c][b]);
                        energy[c][b] += s.mixEnergy[s.energyAt(m, f, c, b)];
                    }
                }
            }
            Normal[][] out = new Normal[s.channels][bands];
            for (int c = 0; c < s.channels; c++) {
                for (int b = 0; b < bands; b++) {
                    for (int i = 0; i < k; i++) {
                        for (int j = i + 1; j < k; j++) {
                            aRe[c][b][j][i] = aRe[c][b][i][j];
                            aIm[c][b][j][i] = -aIm[c][b][i][j];
                        }
                    }
                    out[c][b] = new Normal(aRe[c][b], aIm[c][b], yRe[c][b], yIm[c][b], energy[c][b]);
                }
            }
            return out;
        }

        /** Adds frame f's terms of channel c, band b (upper triangle of A); {@code scale} null: unit scales. */
        private static void add(Spectra s, int m, int f, int c, int b, double[] scale, double common,
                double[][] aRe, double[][] aIm, double[] yRe, double[] yIm) {
            int k = s.stemCount;
            int at = s.gramAt(f, c, b);
            int y = s.rhsAt(m, f, c, b);
            if (scale == null) {
                for (int p = 0; p < s.pairs; p++) {
                    aRe[s.pairI[p]][s.pairJ[p]] += s.gramRe[at + p];
                    aIm[s.pairI[p]][s.pairJ[p]] += s.gramIm[at + p];
                }
                for (int i = 0; i < k; i++) {
                    yRe[i] += s.rhsRe[y + i];
                    yIm[i] += s.rhsIm[y + i];
                }
                return;
            }
            for (int p = 0; p < s.pairs; p++) {
                int i = s.pairI[p];
                int j = s.pairJ[p];
                // a_i·A_ij·a_j (the scales are real)
                aRe[i][j] += common * common * (scale[i] * (s.gramRe[at + p] * scale[j]));
                aIm[i][j] += common * common * (scale[i] * (s.gramIm[at + p] * scale[j]));
            }
            for (int i = 0; i < k; i++) {
                yRe[i] += scale[i] * (common * s.rhsRe[y + i]);
                yIm[i] += scale[i] * (common * s.rhsIm[y + i]);
            }
        }
    }

    /** One frame's normal equations for one scale per stem ({@code Fit#scaledNormal}), and each stem's energy there. */
    private record FrameNormal(double[][] aRe, double[][] aIm, double[] yRe, double[] yIm, double[] energy) {
    }

    /**
     * How the stems' parts of one mix move over the song: per frame, one gain every stem shares (master-bus
     * compression, a fade: the median of the stems' own frame gains), and per automation window one scale per stem
     * (a ride, slow compression), normalised so that its energy-weighted mean power is 1 and the song's gains keep
     * the level. A scale is real (a level, not a phase): {@code gain[window][stem]}. Frames and windows count from
     * frame {@code origin}.
     */
    private record Scales(int origin, double[] common, double[][] gain) {
        int window(int frame) {
            return Math.min(gain.length - 1, (frame - origin) / WINDOW_FRAMES);
        }
    }

    /**
     * The least-squares fits over the spectra: the song, its segments and its frames; single use, called from one
     * thread (the mixes are fitted side by side on helper threads, each with its own sums).
     */
    private static final class Fit {
        private final Spectra s;
        private final int stemCount;
        private final int bandCount;
        /** Per mix, its normal equations summed over some frames; each mix's only touched by the thread fitting it. */
        private final List<Map<SumKey, Normal[][]>> normalSums = new ArrayList<>();

        Fit(Spectra spectra) {
            this.s = spectra;
            this.stemCount = spectra.stemCount;
            this.bandCount = spectra.bands.count();
            for (int m = 0; m < spectra.mixes.size(); m++) {
                normalSums.add(new HashMap<>());
            }
        }

        List<MixEstimate> results() {
            int mixes = s.mixes.size();
            int first = 0;
            int end = s.frameCount;
            // Each mix's fit over the whole span tells which frames at the ends it departs from; all mixes are
            // then compared over the frames every one of them keeps.
            for (int[] kept : eachMix(m -> keptFrames(m, gains(m, 0, s.frameCount, null)))) {
                first = Math.max(first, kept[0]);
                end = Math.min(end, kept[1]);
            }
            if (end - first < Math.max(2, s.frameCount / 2)) {
                first = 0;
                end = s.frameCount;
            }
            int from = first;
            int to = end;
            double[] stemBandEnergy = stemBandEnergies(first, end);
            return eachMix(m -> {
                MixEstimate estimate = estimate(m, from, to, stemBandEnergy);
                normalSums.get(m).clear();
                return estimate;
            });
        }

        /**
         * {@code work} for every mix, in mix order: the mixes after the first on helper threads beside this one. Each
         * mix's fit is its own (its sums are kept apart), so the results are the same as one after another.
         */
        private <T> List<T> eachMix(java.util.function.IntFunction<T> work) {
            List<CompletableFuture<T>> others = new ArrayList<>();
            for (int m = 1; m < s.mixes.size(); m++) {
                int mix = m;
                others.add(CompletableFuture.supplyAsync(() -> work.apply(mix), DaemonThreads.sideTasks()));
            }
            List<T> out = new ArrayList<>();
            out.add(work.apply(0));
            others.forEach(task -> out.add(DaemonThreads.join(task)));
            return out;
        }

        /** Mix {@code m}'s estimate over frames [first, end), the frames every mix keeps. */
        private MixEstimate estimate(int m, int first, int end, double[] stemBandEnergy) {
            int segments = Math.max(2, Math.min(SEGMENTS, (end - first) / 4));
            double frameS = HOP / (double) s.rateHz;
            double fromS = (s.firstSample + first * HOP) / (double) s.rateHz;
            double toS = (s.firstSample + end * HOP) / (double) s.rateHz;
            BandLayout layout = new BandLayout(s.rateHz / (double) FRAME_SIZE, s.bandFirstBin, s.bandEndBin, s.bandStride);
            // The song's band gains and each stem's scale per window, fitted in turn: a stem that moves over
            // the song (a ride) is then explained by itself, not by the stems that play with it.
            double[][][][] song = gains(m, first, end, null);
            Scales scales = null;
            for (int round = 0; round < SCALE_ROUNDS; round++) {
                FrameNormal[] frames = frameNormals(m, song, first, end);
                scales = windowScales(frames, first, end, commonFrameGains(frames, first, end, scales));
                song = gains(m, first, end, scales);
            }
            List<double[][][][]> segmentGains = new ArrayList<>();
            for (int g = 0; g < segments; g++) {
                segmentGains.add(gains(m, first + (end - first) * g / segments,
                        first + (end - first) * (g + 1) / segments, scales));
            }
            double[][][] variances = variances(m, song, first, end, scales);
            List<StemEstimate> stems = new ArrayList<>();
            for (int i = 0; i < stemCount; i++) {
                List<BandCurve> perSegment = new ArrayList<>();
                List<Double> segmentPans = new ArrayList<>();
                for (double[][][][] g : segmentGains) {
                    perSegment.add(curve(g, i, null, null));
                    segmentPans.add(pan(g, i));
                }
                stems.add(new StemEstimate(s.stems.get(i).name(), s.stems.get(i).audio().channelCount(),
                        broadbandGainDb(song, i), pan(song, i), curve(song, i, stemBandEnergy, variances),
                        new StemEstimate.Spread(segmentPans, perSegment), List.of(s.binPower[i])));
            }
            return new MixEstimate(s.delays[m], residualDb(m, song, first, end, scales), fromS, toS,
                    MixScorer.isMono(s.mixes.get(m)), new MixEstimate.Model(layout, s.cross, new ComplexGains(song, bandCount)),
                    stems, timelines(m, song, first, end, frameS));
        }

        /**
         * The normal equations of mix {@code m} over frames [first, end) with the stems scaled by {@code scales} (null:
         * not scaled), [channel][band]: summed once and kept while the mix is fitted, as the song's gains, their
         * variances and the residual all use the same sums.
         */
        private Normal[][] normals(int m, int first, int end, Scales scales) {
            return normalSums.get(m).computeIfAbsent(new SumKey(first, end, scales), key -> Normal.sums(s, m, first, end, scales));
        }

        /** Which sums: the scales by identity (a record compares its arrays by reference). */
        private record SumKey(int first, int end, Scales scales) {
        }

        /**
         * Mix {@code m}'s complex gains per channel, per band (and the broadband fit at index bandCount), {re[], im[]},
         * fitted over frames [first, end) with the stems scaled per window (null: not scaled).
         */
        private double[][][][] gains(int m, int first, int end, Scales scales) {
            double[][][][] g = new double[s.channels][bandCount + 1][][];
            Normal[][] normals = normals(m, first, end, scales);
            for (int c = 0; c < s.channels; c++) {
                double[][] broadRe = new double[stemCount][stemCount];
                double[][] broadIm = new double[stemCount][stemCount];
                double[] broadYRe = new double[stemCount];
                double[] broadYIm = new double[stemCount];
                for (int b = 0; b < bandCount; b++) {
                    Normal n = normals[c][b];
                    add(broadRe, n.aRe());
                    add(broadIm, n.aIm());
                    addVector(broadYRe, n.yRe());
                    addVector(broadYIm, n.yIm());
                    g[c][b] = ComplexLeastSquares.solve(n.aRe(), n.aIm(), n.yRe(), n.yIm());
                }
                g[c][bandCount] = ComplexLeastSquares.solve(broadRe, broadIm, broadYRe, broadYIm);
            }
            return g;
        }

        /**
         * The gain every stem shares in each frame: the median, over the stems that sound there (at least three), of each
         * stem's own frame gain with the song's band gains and its window scales held; 1 elsewhere, and everywhere when
         * it moves by less than {@link #MOVING_DB}. Master-bus compression and fades move every stem at once.
         */
        private double[] commonFrameGains(FrameNormal[] frames, int first, int end, Scales scales) {
            double[] common = new double[end - first];
            double squares = 0;
            int counted = 0;
            for (int f = first; f < end; f++) {
                FrameNormal n = frames[f - first];
                double[][] a = ComplexLeastSquares.solve(n.aRe(), n.aIm(), n.yRe(), n.yIm());
                double loudest = 0;
                for (double e : n.energy()) {
                    loudest = Math.max(loudest, e);
                }
                List<Double> gains = new ArrayList<>();
                for (int i = 0; i < stemCount; i++) {
                    double window = scales == null ? 1 : scales.gain[scales.window(f)][i];
                    if (n.energy()[i] > loudest * Math.pow(10, ACTIVE_RANGE_DB / 10) && window > 0) {
                        gains.add(magnitude(a, i) / window);
                    }
                }
                java.util.Collections.sort(gains);
                common[f - first] = gains.size() >= 3 ? gains.get(gains.size() / 2) : Double.NaN;
                if (Double.isFinite(common[f - first]) && common[f - first] > 0) {
                    double db = 20 * Math.log10(common[f - first]);
                    squares += db * db;
                    counted++;
                }
            }
            boolean moves = counted > 0 && Math.sqrt(squares / counted) >= MOVING_DB;
            for (int k = 0; k < common.length; k++) {
                common[k] = moves && Double.isFinite(common[k]) && common[k] > 0 ? common[k] : 1;
            }
            return common;
        }

        /**
         * Each stem's scale per automation window with the song's band gains held (silent windows: 1), normalised
         * to an energy-weighted mean power of 1.
         */
        private Scales windowScales(FrameNormal[] frames, int first, int end, double[] common) {
            int windows = (end - first + WINDOW_FRAMES - 1) / WINDOW_FRAMES;
            double[][] re = new double[windows][stemCount];
            double[][] im = new double[windows][stemCount];
            double[][] energy = new double[stemCount][windows];
            for (int w = 0; w < windows; w++) {
                double[][] aRe = new double[stemCount][stemCount];
                double[][] aIm = new double[stemCount][stemCount];
                double[] yRe = new double[stemCount];
                double[] yIm = new double[stemCount];
                double[] input = new double[stemCount];
                for (int f = first + w * WINDOW_FRAMES; f < Math.min(end, first + (w + 1) * WINDOW_FRAMES); f++) {
                    FrameNormal n = frames[f - first];
                    addStemEnergy(f, input);
                    double c = common[f - first];
                    for (int i = 0; i < stemCount; i++) {
                        for (int j = 0; j < stemCount; j++) {
                            aRe[i][j] += c * c * n.aRe()[i][j];
                            aIm[i][j] += c * c * n.aIm()[i][j];
                        }
                        yRe[i] += c * n.yRe()[i];
                        yIm[i] += c * n.yIm()[i];
                    }
                }
                double[][] a = ComplexLeastSquares.solve(aRe, aIm, yRe, yIm);
                re[w] = a[0];
                im[w] = a[1];
                for (int i = 0; i < stemCount; i++) {
                    energy[i][w] = input[i];
                }
            }
            for (int i = 0; i < stemCount; i++) {
                double loudest = java.util.Arrays.stream(energy[i]).max().orElse(0);
                double floor = loudest * Math.pow(10, ACTIVE_RANGE_DB / 10);
                double power = 0;
                double weights = 0;
                for (int w = 0; w < windows; w++) {
                    // A gain is real: the scale's size, 1 where the stem is silent.
                    re[w][i] = energy[i][w] > floor ? Math.hypot(re[w][i], im[w][i]) : 1;
                    power += energy[i][w] * re[w][i] * re[w][i];
                    weights += energy[i][w];
                }
                double norm = power > 0 && weights > 0 ? Math.sqrt(power / weights) : 1;
                double squares = 0;
                for (int w = 0; w < windows; w++) {
                    re[w][i] /= norm;
                    double db = 20 * Math.log10(re[w][i]);
                    squares += energy[i][w] * db * db;
                }
                // A stem whose level holds still is kept static: scales fitted to a model's small errors would carry
                // them from one band into all the others.
                if (!(Math.sqrt(squares / Math.max(weights, Double.MIN_NORMAL)) >= MOVING_DB)) {
                    for (int w = 0; w < windows; w++) {
                        re[w][i] = 1;
                    }
                }
            }
            return new Scales(first, common, re);
        }

        /**
         * The frames [first, end) of mix {@code m} between its ends: walking in from each end, the frames where the
         * stems sound and the mix departs from its fit by more than {@link #EDGE_TOLERANCE_DB} (a fade, a bounce cut
         * short), or where the stems are silent, are left out.
         */
        private int[] keptFrames(int m, double[][][][] g) {
            double[] predicted = new double[s.frameCount];
            double[] matched = new double[s.frameCount];
            for (int f = 0; f < s.frameCount; f++) {
                for (int c = 0; c < s.channels; c++) {
                    for (int b = 0; b < bandCount; b++) {
                        predicted[f] += quadratic(f, c, b, g[c][b]);
                        matched[f] += projection(m, f, c, b, g[c][b]);
                    }
                }
            }
            double[] sorted = predicted.clone();
            java.util.Arrays.sort(sorted);
            double audible = sorted[sorted.length / 2] * 1e-4;
            int first = 0;
            while (first < s.frameCount && !agrees(predicted[first], matched[first], audible)) {
                first++;
            }
            int end = s.frameCount;
            while (end > first && !agrees(predicted[end - 1], matched[end - 1], audible)) {
                end--;
            }
            return new int[] {first, end};
        }

        private static boolean agrees(double predicted, double matched, double audible) {
            if (!(predicted > audible)) {
                return false;
            }
            double scale = matched / predicted;
            return scale > 0 && Math.abs(20 * Math.log10(scale)) <= EDGE_TOLERANCE_DB;
        }

        /** gᴴ·A·g for frame f, channel c, band b. */
        private double quadratic(int f, int c, int b, double[][] g) {
            int at = s.gramAt(f, c, b);
            double sum = 0;
            for (int p = 0; p < s.pairs; p++) {
                int i = s.pairI[p];
                int j = s.pairJ[p];
                // Re(conj(g_i)·A_ij·g_j), counted twice off the diagonal (A is Hermitian).
                double ar = s.gramRe[at + p];
                double ai = s.gramIm[at + p];
                double gjr = g[0][j];
                double gji = g[1][j];
                double tr = ar * gjr - ai * gji;
                double ti = ar * gji + ai * gjr;
                double v = g[0][i] * tr + g[1][i] * ti;
                sum += i == j ? v : 2 * v;
            }
            return sum;
        }

        /** Re(gᴴ·y) for mix m, frame f, channel c, band b. */
        private double projection(int m, int f, int c, int b, double[][] g) {
            int at = s.rhsAt(m, f, c, b);
            double sum = 0;
            for (int i = 0; i < stemCount; i++) {
                sum += g[0][i] * s.rhsRe[at + i] + g[1][i] * s.rhsIm[at + i];
            }
            return sum;
        }

        /** Energy the stems leave unexplained over [first, end), over the mix's energy there, in dB. */
        private double residualDb(int m, double[][][][] g, int first, int end, Scales scales) {
            double energy = 0;
            double explained = 0;
            Normal[][] normals = normals(m, first, end, scales);
            for (int c = 0; c < s.channels; c++) {
                for (int b = 0; b < bandCount; b++) {
                    Normal n = normals[c][b];
                    energy += n.energy();
                    for (int i = 0; i < stemCount; i++) {
                        explained += g[c][b][0][i] * n.yRe()[i] + g[c][b][1][i] * n.yIm()[i];
                    }
                }
            }
            return energy > 0 ? 10 * Math.log10(Math.max(1e-30, energy - explained) / energy) : Double.NaN;
        }

        /** Each stem's energy per band over [first, end), summed over the channels it feeds: [stem·bandCount + band]. */
        private double[] stemBandEnergies(int first, int end) {
            double[] e = new double[stemCount * bandCount];
            for (int f = first; f < end; f++) {
                for (int b = 0; b < bandCount; b++) {
                    int at = s.gramAt(f, 0, b);
                    for (int p = 0; p < s.pairs; p++) {
                        if (s.pairI[p] == s.pairJ[p]) {
                            e[s.pairI[p] * bandCount + b] += s.gramRe[at + p];
                        }
                    }
                }
            }
            return e;
        }

        private double broadbandGainDb(double[][][][] g, int i) {
            double left = magnitude(g[0][bandCount], i);
            double right = s.channels > 1 ? magnitude(g[1][bandCount], i) : 0;
            // Constant power: L = g·cos θ, R = g·sin θ, so g² = L² + R². A stereo stem at unity feeds both sides at 1,
            // so its L² + R² is halved to read 0 dB.
            double power = left * left + right * right;
            return 10 * Math.log10(s.stereoStem[i] && s.channels > 1 ? power / 2 : power);
        }

        /** The constant-power position 4·atan2(R, L)/π − 1 of the broadband fit (0 for a one-channel mix). */
        private double pan(double[][][][] g, int i) {
            double left = magnitude(g[0][bandCount], i);
            double right = s.channels > 1 ? magnitude(g[1][bandCount], i) : 0;
            double pan = s.channels > 1 && left * left + right * right > 0 ? Math.atan2(right, left) * 4 / Math.PI - 1 : 0;
            return Math.max(-1, Math.min(1, pan));
        }

        /**
         * Stem i's gains per band: the power gain (as {@link #broadbandGainDb}), its standard error when the gains'
         * variances are given, and, when the stem's band energies are given, its level in the mix; NaN where the stem
         * has no energy.
         */
        private BandCurve curve(double[][][][] g, int i, double[] stemBandEnergy, double[][][] variances) {
            double loudest = 0;
            for (int b = 0; b < bandCount; b++) {
                loudest = Math.max(loudest, bandEnergy(i, b, stemBandEnergy));
            }
            double floor = loudest * Math.pow(10, BAND_FLOOR_DB / 10);
            List<Double> centres = new ArrayList<>();
            List<Double> gain = new ArrayList<>();
            List<Double> sigma = new ArrayList<>();
            List<Double> level = new ArrayList<>();
            for (int b = 0; b < bandCount; b++) {
                centres.add(s.bands.centreHz(b));
                double energy = bandEnergy(i, b, stemBandEnergy);
                if (!(energy > floor) || !(loudest > 0)) {
                    gain.add(Double.NaN);
                    sigma.add(Double.NaN);
                    level.add(Double.NaN);
                    continue;
                }
                double power = 0;
                double spread = 0;
                for (int c = 0; c < s.channels; c++) {
                    double magnitude2 = g[c][b][0][i] * g[c][b][0][i] + g[c][b][1][i] * g[c][b][1][i];
                    power += magnitude2;
                    spread += variances == null ? Double.NaN : magnitude2 * variances[c][b][i];
                }
                boolean halve = s.stereoStem[i] && s.channels > 1;
                gain.add(10 * Math.log10(halve ? power / 2 : power));
                // δP ≈ 2·√(Σ |g_c|²·Var(g_c)) for a power P = Σ |g_c|², so σ(dB) = 10·log10(1 + δP/P).
                sigma.add(10 * Math.log10(1 + 2 * Math.sqrt(spread) / power));
                level.add(stemBandEnergy == null ? Double.NaN : 10 * Math.log10((halve ? power / 2 : power) * energy));
            }
            return new BandCurve(centres, gain, sigma, level);
        }

        /**
         * How far every stem's complex gain may be off, as a variance per channel and band: the residual energy the fit
         * leaves in the band, |M|² − Re(gᴴ·y), times the diagonal of A⁻¹. What the stems do not explain is mostly
         * the same in every frame (an EQ's shape within the band, master processing), so it does not average out over
         * the frames as noise would; the part of it that went into the gains is at most √((A⁻¹)_ii·‖e‖²) on stem i
         * (Cauchy–Schwarz), taken with ‖e‖ the residual's size. A stem the others nearly copy in the band (a room mic
         * of the kick, one sample on two tracks) has a large (A⁻¹)_ii, so its gain there is as uncertain as it is.
         */
        private double[][][] variances(int m, double[][][][] g, int first, int end, Scales scales) {
            double[][][] out = new double[s.channels][bandCount][stemCount];
            Normal[][] normals = normals(m, first, end, scales);
            for (int c = 0; c < s.channels; c++) {
                for (int b = 0; b < bandCount; b++) {
                    Normal n = normals[c][b];
                    double explained = 0;
                    for (int i = 0; i < stemCount; i++) {
                        explained += g[c][b][0][i] * n.yRe()[i] + g[c][b][1][i] * n.yIm()[i];
                    }
                    double residual = Math.max(0, n.energy() - explained);
                    for (int i = 0; i < stemCount; i++) {
                        double[] unit = new double[stemCount];
                        unit[i] = 1;
                        double[][] column = ComplexLeastSquares.solve(n.aRe(), n.aIm(), unit, new double[stemCount]);
                        out[c][b][i] = residual * column[0][i];
                    }
                }
            }
            return out;
        }

        /** The stem's band energy: from the given totals, or (for a segment) 1 wherever the stem sounded in the song. */
        private double bandEnergy(int i, int b, double[] stemBandEnergy) {
            return stemBandEnergy == null ? 1 : stemBandEnergy[i * bandCount + b];
        }

        /**
         * Per stem, its level frame by frame and window by window relative to the song: one scale per stem per frame
         * (or window), fitted with the song's band gains held, so a fader ride or a compressor shows and an EQ does
         * not. Also the stem's own energy per frame (what a compressor on it would hear). NaN where the stem is silent.
         */
        private List<StemTimeline> timelines(int m, double[][][][] g, int first, int end, double frameS) {
            int frames = end - first;
            int windows = (frames + WINDOW_FRAMES - 1) / WINDOW_FRAMES;
            double[][] frameLevel = new double[stemCount][frames];
            double[][] frameInput = new double[stemCount][frames];
            double[][] windowLevel = new double[stemCount][windows];
            double[][] windowInput = new double[stemCount][windows];
            double[][] wRe = new double[stemCount][stemCount];
            double[][] wIm = new double[stemCount][stemCount];
            double[] wyRe = new double[stemCount];
            double[] wyIm = new double[stemCount];
            FrameNormal[] normals = frameNormals(m, g, first, end);
            for (int f = first; f < end; f++) {
                FrameNormal n = normals[f - first];
                double[][] a = ComplexLeastSquares.solve(n.aRe(), n.aIm(), n.yRe(), n.yIm());
                for (int i = 0; i < stemCount; i++) {
                    frameLevel[i][f - first] = 20 * Math.log10(magnitude(a, i));
                    frameInput[i][f - first] = n.energy()[i];
                }
                add(wRe, n.aRe());
                add(wIm, n.aIm());
                addVector(wyRe, n.yRe());
                addVector(wyIm, n.yIm());
                int w = (f - first) / WINDOW_FRAMES;
                for (int i = 0; i < stemCount; i++) {
                    windowInput[i][w] += frameInput[i][f - first];
                }
                if ((f - first + 1) % WINDOW_FRAMES == 0 || f == end - 1) {
                    double[][] aw = ComplexLeastSquares.solve(wRe, wIm, wyRe, wyIm);
                    for (int i = 0; i < stemCount; i++) {
                        windowLevel[i][w] = 20 * Math.log10(magnitude(aw, i));
                    }
                    wRe = new double[stemCount][stemCount];
                    wIm = new double[stemCount][stemCount];
                    wyRe = new double[stemCount];
                    wyIm = new double[stemCount];
                }
            }
            double startS = (s.firstSample + first * HOP) / (double) s.rateHz;
            List<StemTimeline> out = new ArrayList<>();
            for (int i = 0; i < stemCount; i++) {
                silence(frameLevel[i], frameInput[i]);
                silence(windowLevel[i], windowInput[i]);
                double[] inputDb = new double[frames];
                for (int k = 0; k < frames; k++) {
                    inputDb[k] = 10 * Math.log10(frameInput[i][k]);
                }
                silence(inputDb, frameInput[i]);
                out.add(new StemTimeline(s.stems.get(i).name(), startS, frameS, WINDOW_FRAMES * frameS, frameLevel[i],
                        inputDb, windowLevel[i]));
            }
            return out;
        }

        /**
         * The normal equations of frame f for one scale per stem, each stem's regressor being the stem through its
         * song-level band gains: A'_ij = Σ_c Σ_b conj(g_cbi)·A_cb,ij·g_cbj and y'_i = Σ_c Σ_b conj(g_cbi)·y_cbi.
         */
        private void scaledNormal(int m, int f, double[][][][] g, double[][] aRe, double[][] aIm, double[] yRe,
                double[] yIm) {
            for (int c = 0; c < s.channels; c++) {
                for (int b = 0; b < bandCount; b++) {
                    double[] gr = g[c][b][0];
                    double[] gi = g[c][b][1];
                    int at = s.gramAt(f, c, b);
                    for (int p = 0; p < s.pairs; p++) {
                        int i = s.pairI[p];
                        int j = s.pairJ[p];
                        double ar = s.gramRe[at + p];
                        double ai = s.gramIm[at + p];
                        // conj(g_i)·A_ij·g_j
                        double tr = ar * gr[j] - ai * gi[j];
                        double ti = ar * gi[j] + ai * gr[j];
                        double vr = gr[i] * tr + gi[i] * ti;
                        double vi = gr[i] * ti - gi[i] * tr;
                        aRe[i][j] += vr;
                        aIm[i][j] += vi;
                        if (i != j) {
                            aRe[j][i] += vr;
                            aIm[j][i] -= vi;
                        }
                    }
                    int y = s.rhsAt(m, f, c, b);
                    for (int i = 0; i < stemCount; i++) {
                        double r = s.rhsRe[y + i];
                        double im = s.rhsIm[y + i];
                        yRe[i] += gr[i] * r + gi[i] * im;
                        yIm[i] += gr[i] * im - gi[i] * r;
                    }
                }
            }
        }

        /**
         * The scaled normal equations ({@link #scaledNormal}) of each frame in [first, end) of mix {@code m} with the
         * song's band gains {@code g}, and each stem's own energy there: made once for all the fits that need them.
         */
        private FrameNormal[] frameNormals(int m, double[][][][] g, int first, int end) {
            FrameNormal[] out = new FrameNormal[end - first];
            for (int f = first; f < end; f++) {
                FrameNormal n = new FrameNormal(new double[stemCount][stemCount], new double[stemCount][stemCount],
                        new double[stemCount], new double[stemCount], new double[stemCount]);
                scaledNormal(m, f, g, n.aRe(), n.aIm(), n.yRe(), n.yIm());
                addStemEnergy(f, n.energy());
                out[f - first] = n;
            }
            return out;
        }

        /** Adds each stem's own energy in frame f (over the channels it feeds) to {@code energy[i]}. */
        private void addStemEnergy(int f, double[] energy) {
            for (int c = 0; c < s.channels; c++) {
                for (int b = 0; b < bandCount; b++) {
                    int at = s.gramAt(f, c, b);
                    for (int i = 0; i < stemCount; i++) {
                        if (c == 0 || s.stereoStem[i]) {
                            energy[i] += s.gramRe[at + s.diagonalPair[i]];
                        }
                    }
                }
            }
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
