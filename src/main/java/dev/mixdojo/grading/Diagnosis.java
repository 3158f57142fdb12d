package dev.mixdojo.grading;

import dev.mixdojo.base.DaemonThreads;
import dev.mixdojo.dsp.ProcessorSettings;
import dev.mixdojo.dsp.automation.Breakpoint;
import dev.mixdojo.dsp.automation.Curve;
import dev.mixdojo.dsp.automation.Envelope;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.dynamics.DynamicsSettings;
import dev.mixdojo.dsp.eq.EqSettings;
import dev.mixdojo.dsp.eq.FilterType;
import dev.mixdojo.dsp.spatial.BalanceSettings;
import dev.mixdojo.dsp.spatial.GainSettings;
import dev.mixdojo.dsp.spatial.PanLaw;
import dev.mixdojo.dsp.spatial.PanSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Explains the difference between a learner's mix and the target, stem by stem, with the fewest moves a mix
 * engineer would make: a pan, a compressor, a fader ride over a stretch of the song, a fader move and EQ bands.
 * What every stem shares (the whole mix louder, a master EQ, master compression or a fade) is taken out first, as
 * no stem's fault. The spectral moves come from a sparse least-squares fit of the stem's band-gain difference: a
 * move is added only while it explains more of the difference than a penalty per parameter (the Bayesian
 * information criterion), so a missing bell is a bell and not a fader plus another band. Each move's uncertainty
 * is the spread of the same fit on stretches of the song apart, and a move is reported only when it is above half
 * its JND and at least {@value #SIGNIFICANCE} times its uncertainty. Pure.
 *
 * @param moves         the reported moves, stems in order, each stem's in the order a strip applies them
 * @param overallGainDb the level every stem shares, mix minus target (a louder bounce, not a balance error)
 * @param fit           how well the stems explain the two mixes, and what the report may say
 */
public record Diagnosis(List<Move> moves, double overallGainDb, FitQuality fit) {
    /** How many standard errors a move must be to be reported. */
    static final double SIGNIFICANCE = 3;
    /** The smallest standard error a band estimate is given: what the band model itself may be off by, in dB. */
    static final double BAND_SIGMA_FLOOR_DB = 0.1;
    /** At most this many EQ bands per stem. */
    static final int MAX_EQ_BANDS = 3;
    /** A mix whose stems explain less than this (residual above, dB) has its verdicts lowered. */
    static final double LOWERED_RESIDUAL_DB = -25;
    /** A mix whose stems explain less than this (residual above, dB: three quarters explained) has its verdicts withheld. */
    static final double WITHHELD_RESIDUAL_DB = -6;
    /** A common movement of every stem's level beyond this (dB RMS over frames) is master-bus dynamics or a fade. */
    static final double MASTER_DYNAMICS_DB = 0.5;
    /** A stem's bands this far (dB) below its loudest are masked by its own louder content. */
    static final double AUDIBLE_RANGE_DB = 25;
    /** Ramp of a suggested ride, in seconds. */
    static final double RIDE_RAMP_S = 0.05;

    /** Copies the list. */
    public Diagnosis {
        moves = List.copyOf(moves);
    }

    /**
     * Diagnoses {@code mix} against {@code target}, both estimated over the same span from {@code stems} (in the
     * estimates' order).
     */
    public static Diagnosis of(List<StemAudio> stems, MixEstimate mix, MixEstimate target) {
        return new Diagnoser(stems, mix, target).run();
    }

    /** What to do about a level {@code errorDb} off (mix minus target) on a fader: move it by {@code fixDb}. */
    static String levelAdvice(String name, double errorDb, double fixDb) {
        return String.format(Locale.ROOT, "%s is %.1f dB %s than in the target: bring its fader %s %.1f dB.", name,
                Math.abs(errorDb), errorDb > 0 ? "louder" : "quieter", errorDb > 0 ? "down" : "up", Math.abs(fixDb));
    }

    /** The work of one diagnosis; single use. */
    private static final class Diagnoser {
        private final List<StemAudio> stems;
        private final MixEstimate mix;
        private final MixEstimate target;
        private final int n;
        private final boolean mono;
        private final int bands;
        private final BandLayout layout;
        private final FixResponse response;
        private final double[] centresHz;

        Diagnoser(List<StemAudio> stems, MixEstimate mix, MixEstimate target) {
            this.stems = stems;
            this.mix = mix;
            this.target = target;
            this.n = mix.stems().size();
            this.mono = mix.mono() || target.mono();
            this.layout = mix.bands();
            this.response = new FixResponse(mix);
            this.bands = layout.bands();
            this.centresHz = mix.stems().get(0).curve().centresHz().stream().mapToDouble(Double::doubleValue).toArray();
        }

        Diagnosis run() {
            double[][] difference = new double[n][];
            double[][][] segmentDifference = new double[n][][];
            for (int i = 0; i < n; i++) {
                difference[i] = difference(curve(mix, i), curve(target, i));
                List<BandCurve> m = mix.stems().get(i).spread().curves();
                List<BandCurve> t = target.stems().get(i).spread().curves();
                segmentDifference[i] = new double[m.size()][];
                for (int s = 0; s < m.size(); s++) {
                    segmentDifference[i][s] = difference(values(m.get(s)), values(t.get(s)));
                }
            }
            double overall = overall(difference);
            double[] master = masterCurve(difference, segmentDifference, overall);
            double[][] mixLevels = withoutCommon(mix.timelines(), false);
            double[][] targetLevels = withoutCommon(target.timelines(), false);
            double[][] mixWindows = withoutCommon(mix.timelines(), true);
            double[][] targetWindows = withoutCommon(target.timelines(), true);
            FitQuality fit = fitQuality(difference, master, overall);
            List<Move> moves = new ArrayList<>();
            if (fit.trust() != FitQuality.Trust.WITHHELD) {
                double floorDb = residualFloorDb();
                List<Stem> all = new ArrayList<>();
                double[] movingDb = new double[n];
                for (int i = 0; i < n; i++) {
                    Stem stem = new Stem(i, floorDb);
                    stem.pan();
                    stem.compression(mixLevels[i], targetLevels[i], difference[i], master);
                    stem.ride(mixWindows[i], targetWindows[i], mixLevels[i], targetLevels[i]);
                    movingDb[i] = stem.movingDb();
                    all.add(stem);
                }
                eachStem(all, stem -> {
                    stem.spectrum(difference[stem.i], segmentDifference[stem.i], master, movingDb);
                    stem.fit(new double[bands]);
                });
                // A stem's EQ difference spills a little onto the stems it shares bands with: fitted once, each stem is
                // fitted again with what the others' fitted bands spill onto it taken out.
                List<List<EqShape>> fitted = all.stream().map(stem -> stem.shapes).toList();
                eachStem(all, stem -> {
                    double[] spill = new double[bands];
                    for (int j = 0; j < n; j++) {
                        if (j != stem.i && !fitted.get(j).isEmpty()) {
                            double[] part = response.spillDb(j, fitted.get(j), stem.i);
                            for (int b = 0; b < bands; b++) {
                                spill[b] += part[b];
                            }
                        }
                    }
                    stem.fit(spill);
                });
                all.forEach(stem -> moves.addAll(stem.ordered()));
            }
            return new Diagnosis(moves, overall, fit);
        }

        /**
         * {@code work} on every stem, shared out between this thread and a helper (each takes the next stem not yet
         * taken). A stem's work touches only that stem's state, so the outcome is the same as one stem after another.
         */
        private static void eachStem(List<Stem> all, Consumer<Stem> work) {
            AtomicInteger next = new AtomicInteger();
            Runnable worker = () -> {
                for (int k = next.getAndIncrement(); k < all.size(); k = next.getAndIncrement()) {
                    work.accept(all.get(k));
                }
            };
            CompletableFuture<Void> helper = CompletableFuture.runAsync(worker, DaemonThreads.sideTasks());
            worker.run();
            DaemonThreads.join(helper);
        }

        private double[] curve(MixEstimate estimate, int i) {
            return values(estimate.stems().get(i).curve());
        }

        private static double[] values(BandCurve curve) {
            return curve.gainDb().stream().mapToDouble(Double::doubleValue).toArray();
        }

        private static double[] difference(double[] a, double[] b) {
            double[] d = new double[a.length];
            for (int k = 0; k < d.length; k++) {
                d[k] = a[k] - b[k];
            }
            return d;
        }

        /** The level every stem shares: the median over stems of each stem's median band difference. */
        private static double overall(double[][] difference) {
            double[] perStem = Arrays.stream(difference).mapToDouble(Diagnosis::median).filter(Double::isFinite).toArray();
            return perStem.length == 0 ? 0 : median(perStem);
        }

        /**
         * The difference every stem shares band by band (an EQ on the master bus): the median over the stems that
         * sound in the band, where at least three do, it stands {@value #BAND_SIGMA_FLOOR_DB} × 3 dB off the overall
         * level, and it pays for itself; the overall level elsewhere. A shared move is one more parameter, and the
         * alternative is a move on each stem that needs one: it is taken only when it costs less, in χ² with each
         * stem's band uncertainty and a BIC penalty per parameter, than leaving every stem to explain itself. With few
         * stems in a band, a median that only took part of one stem's change explains no stem and is left out.
         */
        private double[] masterCurve(double[][] difference, double[][][] segmentDifference, double overall) {
            double penalty = Math.max(SparseFit.MIN_PENALTY, Math.log(bands));
            double[] master = new double[bands];
            for (int b = 0; b < bands; b++) {
                List<Double> values = new ArrayList<>();
                for (double[] d : difference) {
                    if (Double.isFinite(d[b])) {
                        values.add(d[b]);
                    }
                }
                double m = values.size() >= 3 ? median(values.stream().mapToDouble(Double::doubleValue).toArray()) : overall;
                boolean pays = penalty + sharedCost(difference, segmentDifference, b, m, penalty)
                        < sharedCost(difference, segmentDifference, b, overall, penalty);
                master[b] = Math.abs(m - overall) >= 3 * BAND_SIGMA_FLOOR_DB && pays ? m : overall;
            }
            return master;
        }

        /**
         * What the stems' band b costs with {@code sharedDb} taken out of every one: Σ min(χ²ᵢ, penalty), a stem that
         * the shared value leaves off by more than its uncertainty paying for a move of its own instead.
         */
        private double sharedCost(double[][] difference, double[][][] segmentDifference, int b, double sharedDb,
                double penalty) {
            double cost = 0;
            for (int i = 0; i < n; i++) {
                double variance = Math.max(BAND_SIGMA_FLOOR_DB * BAND_SIGMA_FLOOR_DB, bandVariance(i, b, segmentDifference[i]));
                if (Double.isFinite(difference[i][b]) && Double.isFinite(variance)) {
                    double off = difference[i][b] - sharedDb;
                    cost += Math.min(off * off / variance, penalty);
                }
            }
            return cost;
        }

        /** The variance (dB²) of stem i's band-b difference: its spread over the song's stretches and the two fits' own. */
        private double bandVariance(int i, int b, double[][] segmentDifference) {
            double[] perSegment = new double[segmentDifference.length];
            for (int s = 0; s < perSegment.length; s++) {
                perSegment[s] = segmentDifference[s][b];
            }
            double segmentSigma = standardError(perSegment);
            double mixSigma = mix.stems().get(i).curve().gainSigmaDb().get(b);
            double targetSigma = target.stems().get(i).curve().gainSigmaDb().get(b);
            return segmentSigma * segmentSigma + mixSigma * mixSigma + targetSigma * targetSigma;
        }

        /**
         * Each stem's level per frame (or window) with what every stem shares taken out: the median over the stems
         * that sound there, where at least three do (master dynamics, a fade).
         */
        private double[][] withoutCommon(List<StemTimeline> timelines, boolean windows) {
            double[][] levels = new double[n][];
            for (int i = 0; i < n; i++) {
                levels[i] = windows ? timelines.get(i).windowLevelDb() : timelines.get(i).frameLevelDb();
            }
            double[] common = common(levels);
            for (double[] l : levels) {
                for (int k = 0; k < l.length; k++) {
                    l[k] -= common[k];
                }
            }
            return levels;
        }

        private static double[] common(double[][] levels) {
            int length = levels.length == 0 ? 0 : levels[0].length;
            double[] common = new double[length];
            for (int k = 0; k < length; k++) {
                List<Double> values = new ArrayList<>();
                for (double[] l : levels) {
                    if (k < l.length && Double.isFinite(l[k])) {
                        values.add(l[k]);
                    }
                }
                common[k] = values.size() >= 3 ? median(values.stream().mapToDouble(Double::doubleValue).toArray()) : 0;
            }
            return common;
        }

        /** RMS of the levels every stem shares over the frames: master dynamics or fades. */
        private double commonMovementDb(MixEstimate estimate) {
            double[][] levels = new double[n][];
            for (int i = 0; i < n; i++) {
                levels[i] = estimate.timelines().get(i).frameLevelDb();
            }
            double[] common = common(levels);
            double mean = Arrays.stream(common).average().orElse(0);
            return Math.sqrt(Arrays.stream(common).map(c -> (c - mean) * (c - mean)).average().orElse(0));
        }

        /**
         * How far the verdicts can be trusted, and the one sentence on what the stems do not explain: a mono bounce,
         * master-bus dynamics, a master EQ, or a part the stems do not hold.
         */
        private FitQuality fitQuality(double[][] difference, double[] master, double overall) {
            double mixResidual = mix.residualDb();
            double targetResidual = target.residualDb();
            double worst = Math.max(finiteOr(mixResidual), finiteOr(targetResidual));
            FitQuality.Trust trust = worst > WITHHELD_RESIDUAL_DB ? FitQuality.Trust.WITHHELD
                    : worst > LOWERED_RESIDUAL_DB ? FitQuality.Trust.LOWERED : FitQuality.Trust.FULL;
            boolean mixWorse = finiteOr(mixResidual) >= finiteOr(targetResidual);
            String which = mixWorse ? "your mix" : "the target";
            String explained = String.format(Locale.ROOT, "The stems explain %s of your mix and %s of the target",
                    percent(mixResidual), percent(targetResidual));
            double mixDynamics = commonMovementDb(mix);
            double targetDynamics = commonMovementDb(target);
            String sentence = null;
            if (mix.mono() && !target.mono()) {
                sentence = "Your mix is mono (both channels carry the same signal) where the target is stereo: bounce it "
                        + "in stereo; pans are not judged.";
            } else if (target.mono() && !mix.mono()) {
                sentence = "The target is mono (both channels carry the same signal): pans are not judged, and levels are "
                        + "compared on your mix folded to mono.";
            }
            if (trust == FitQuality.Trust.WITHHELD) {
                sentence = String.format(Locale.ROOT, "%s: %s, so no stem is judged.", explained,
                        worst > -1 ? "they are not the stems of " + which + " (wrong stems or another song)"
                                : "much of " + which + " is a part the stems do not hold (a missing stem, a different take, "
                                        + "or effects printed on the mix)");
            } else if (trust == FitQuality.Trust.LOWERED) {
                double dynamics = mixWorse ? mixDynamics : targetDynamics;
                String cause = dynamics > MASTER_DYNAMICS_DB
                        ? "master-bus compression or limiting on " + which + " (every stem's level moves with the mix's)"
                        : "a part of " + which + " the stems do not hold (a missing stem, a different take, or effects "
                                + "printed on the mix)";
                String residual = sentence == null ? "" : " " + sentence;
                sentence = String.format(Locale.ROOT, "%s: the rest is most likely %s, so only differences well above it "
                        + "are reported.%s", explained, cause, residual);
            } else if (sentence == null) {
                int worstBand = -1;
                for (int b = 0; b < bands; b++) {
                    if (worstBand < 0 || Math.abs(master[b] - overall) > Math.abs(master[worstBand] - overall)) {
                        worstBand = b;
                    }
                }
                if (worstBand >= 0 && Math.abs(master[worstBand] - overall) > Aspect.EQ.jnd()) {
                    double db = master[worstBand] - overall;
                    sentence = String.format(Locale.ROOT, "Every stem has %.1f dB %s around %s in your mix than in the "
                            + "target: an EQ on the master bus of one of them, not a stem's fault.", Math.abs(db),
                            db > 0 ? "more" : "less", Words.hz(centresHz[worstBand]));
                } else if (Math.max(mixDynamics, targetDynamics) > MASTER_DYNAMICS_DB) {
                    sentence = String.format(Locale.ROOT, "Every stem's level moves together in %s: master-bus compression "
                            + "or a fade, not a stem's fault.", mixDynamics > targetDynamics ? "your mix" : "the target");
                }
            }
            return new FitQuality(mixResidual, targetResidual, trust, Optional.ofNullable(sentence));
        }

        /**
         * The least difference a move must make when part of a mix is unexplained: 20·log10(1 + 2r) dB for a residual
         * amplitude r, twice what that part could add to or take from an estimate (0 when the fit is nearly exact).
         */
        private double residualFloorDb() {
            double worst = Math.max(finiteOr(mix.residualDb()), finiteOr(target.residualDb()));
            return worst > LOWERED_RESIDUAL_DB ? 20 * Math.log10(1 + 2 * Math.pow(10, worst / 20)) : 0;
        }

        private static double finiteOr(double residualDb) {
            return Double.isFinite(residualDb) ? residualDb : 0;
        }

        private static String percent(double residualDb) {
            double share = Double.isFinite(residualDb) ? 100 * (1 - Math.pow(10, residualDb / 10)) : 0;
            return share >= 99.95 ? "all" : String.format(Locale.ROOT, "%.1f %%", Math.max(0, share));
        }

        /** The moves found for one stem. */
        private final class Stem {
            private final int i;
            private final String name;
            private final StemTimeline timeline;
            private final double floorDb;
            /** How much the time and pan moves found so far change the stem's level over the song (dB). */
            private double songShiftDb;
            /** How much the compressor move changes the stem's gain in each band (dB), as the estimator would see it. */
            private final double[] bandShiftDb = new double[bands];
            private Move pan;
            private Move compression;
            private Move ride;
            private final List<Move> spectral = new ArrayList<>();

            Stem(int i, double floorDb) {
                this.i = i;
                this.name = mix.stems().get(i).name();
                this.timeline = mix.timelines().get(i);
                this.floorDb = floorDb;
            }

            /** The moves in the order a channel strip applies them: EQ, compressor, fader and ride, pan. */
            List<Move> ordered() {
                List<Move> out = new ArrayList<>();
                spectral.stream().filter(m -> m.aspect() == Aspect.EQ).forEach(out::add);
                Optional.ofNullable(compression).ifPresent(out::add);
                spectral.stream().filter(m -> m.aspect() == Aspect.LEVEL).forEach(out::add);
                Optional.ofNullable(ride).ifPresent(out::add);
                Optional.ofNullable(pan).ifPresent(out::add);
                return out;
            }

            private boolean reportable(Aspect aspect, double error, double uncertainty) {
                double least = Math.max(aspect.reportThreshold(), floorDb * (aspect == Aspect.COMPRESSION ? 2 : 1));
                return Math.abs(error) >= least && Math.abs(error) >= SIGNIFICANCE * uncertainty;
            }

            /** The pan as an interaural level difference; a stereo stem's is its balance. Not judged on a mono mix. */
            void pan() {
                if (mono) {
                    return;
                }
                StemEstimate m = mix.stems().get(i);
                StemEstimate t = target.stems().get(i);
                double error = ild(m.pan()) - ild(t.pan());
                List<Double> mp = m.spread().pans();
                List<Double> tp = t.spread().pans();
                double[] perSegment = new double[mp.size()];
                for (int s = 0; s < perSegment.length; s++) {
                    perSegment[s] = ild(mp.get(s)) - ild(tp.get(s));
                }
                double uncertainty = standardError(perSegment);
                if (!reportable(Aspect.PAN, error, uncertainty)) {
                    return;
                }
                boolean stereo = m.channels() == 2;
                double position = round(stereo ? balance(t.pan()) : t.pan(), 100);
                ProcessorSettings fix = stereo ? new BalanceSettings(Param.of(position))
                        : new PanSettings(Param.of(position), PanLaw.CONSTANT_POWER);
                if (stereo) {
                    songShiftDb += 10 * Math.log10(balancePower(position) / balancePower(balance(m.pan())));
                }
                String advice = String.format(Locale.ROOT, "%s sits at %s where the target has it at %s: %s it to %s.",
                        name, Words.position(stereo ? balance(m.pan()) : m.pan()), Words.position(position),
                        stereo ? "set its balance" : "pan", Words.position(position));
                pan = new Move(name, Aspect.PAN, error, uncertainty, Optional.of(fix), advice);
            }

            /**
             * A compressor: reported when the stem's loudness range differs between the mixes and a compressor in one
             * of them explains at least half of how its level moves within the automation windows.
             */
            void compression(double[] mixLevel, double[] targetLevel, double[] difference, double[] master) {
                double[] input = timeline.frameInputDb();
                double mixRange = range(input, mixLevel, targetLevel);
                double targetRange = range(input, targetLevel, mixLevel);
                double error = mixRange - targetRange;
                if (!Double.isFinite(error)) {
                    return;
                }
                int segments = Math.max(2, Math.min(4, input.length / 25));
                double[] perSegment = new double[segments];
                for (int s = 0; s < segments; s++) {
                    int from = input.length * s / segments;
                    int to = input.length * (s + 1) / segments;
                    double[] in = Arrays.copyOfRange(input, from, to);
                    double[] ml = Arrays.copyOfRange(mixLevel, from, to);
                    double[] tl = Arrays.copyOfRange(targetLevel, from, to);
                    perSegment[s] = range(in, ml, tl) - range(in, tl, ml);
                }
                double uncertainty = standardError(perSegment);
                if (!reportable(Aspect.COMPRESSION, error, Double.isFinite(uncertainty) ? uncertainty : 0)) {
                    return;
                }
                int start = (int) Math.round(timeline.startS() * stems.get(i).audio().sampleRateHz());
                CompressorModel model = new CompressorModel(stems.get(i).audio(), start, StemEstimator.HOP, input.length);
                int framesPerWindow = timeline.framesPerWindow();
                double least = Aspect.COMPRESSION.reportThreshold() / 4;
                List<Optional<CompressorModel.Fitted>> mixCompressors = new ArrayList<>();
                List<Optional<CompressorModel.Fitted>> targetCompressors = new ArrayList<>();
                for (double attackMs : CompressorModel.ATTACKS_MS) {
                    mixCompressors.add(model.fit(mixLevel, framesPerWindow, least, attackMs));
                    targetCompressors.add(model.fit(targetLevel, framesPerWindow, least, attackMs));
                }
                if (mixCompressors.stream().allMatch(Optional::isEmpty) && targetCompressors.stream().allMatch(Optional::isEmpty)) {
                    return;
                }
                // The compressors' effect on the stem's sound band by band, rendered: the pair whose change best explains
                // the stems' band differences (beside a fader) is the move.
                double[] spectralDifference = new double[bands];
                double[] spectralWeight = new double[bands];
                for (int b = 0; b < bands; b++) {
                    spectralDifference[b] = difference[b] - master[b];
                    double sigma = mix.stems().get(i).curve().gainSigmaDb().get(b);
                    spectralWeight[b] = Double.isFinite(spectralDifference[b]) && Double.isFinite(sigma)
                            ? 1 / Math.max(BAND_SIGMA_FLOOR_DB * BAND_SIGMA_FLOOR_DB, sigma * sigma) : 0;
                }
                List<double[]> mixShapes = bandEffects(mixCompressors, start, input.length);
                List<double[]> targetShapes = bandEffects(targetCompressors, start, input.length);
                int bestMix = -1;
                int bestTarget = -1;
                double bestCost = Double.POSITIVE_INFINITY;
                for (int a = 0; a < mixShapes.size(); a++) {
                    for (int t = 0; t < targetShapes.size(); t++) {
                        double cost = spectralCost(spectralDifference, spectralWeight, mixShapes.get(a), targetShapes.get(t));
                        if (cost < bestCost) {
                            bestCost = cost;
                            bestMix = a;
                            bestTarget = t;
                        }
                    }
                }
                Optional<CompressorModel.Fitted> mixCompressor = mixCompressors.get(bestMix);
                Optional<CompressorModel.Fitted> targetCompressor = targetCompressors.get(bestTarget);
                if (mixCompressor.isEmpty() && targetCompressor.isEmpty()) {
                    return;
                }
                double[] mixGain = mixCompressor.map(CompressorModel.Fitted::frameGainDb).orElse(new double[input.length]);
                double[] targetGain = targetCompressor.map(CompressorModel.Fitted::frameGainDb).orElse(new double[input.length]);
                double[] observed = new double[input.length];
                double[] predicted = new double[input.length];
                for (int f = 0; f < input.length; f++) {
                    observed[f] = mixLevel[f] - targetLevel[f];
                    predicted[f] = mixGain[f] - targetGain[f];
                }
                double[] o = CompressorModel.withinWindows(observed, framesPerWindow);
                double[] p = CompressorModel.withinWindows(predicted, framesPerWindow);
                double before = 0;
                double after = 0;
                for (int f = 0; f < o.length; f++) {
                    if (Double.isFinite(o[f]) && Double.isFinite(p[f])) {
                        before += o[f] * o[f];
                        after += (o[f] - p[f]) * (o[f] - p[f]);
                    }
                }
                if (!(after <= 0.5 * before)) {
                    return;
                }
                DynamicsSettings settings = targetCompressor.map(CompressorModel.Fitted::settings)
                        .orElse(DynamicsSettings.compressor(-20, 1, CompressorModel.KNEE_DB, CompressorModel.ATTACK_MS,
                                CompressorModel.RELEASE_MS, 0));
                // The compressor changes the stem's sound band by band too (a fast attack takes the edge off its
                // transients): that change is the move's, not an EQ's.
                double[] withTarget = targetShapes.get(bestTarget);
                double[] withMix = mixShapes.get(bestMix);
                for (int b = 0; b < bands; b++) {
                    bandShiftDb[b] = (withTarget == null ? 0 : withTarget[b]) - (withMix == null ? 0 : withMix[b]);
                }
                for (int f = 0; f < input.length; f++) {
                    mixLevel[f] += targetGain[f] - mixGain[f];
                }
                String todo = targetCompressor.isEmpty() ? "take its compressor off (or set its ratio to 1:1)"
                        : String.format(Locale.ROOT, "%s with a threshold of %.0f dB, a ratio of %s:1 and a %s ms attack",
                                mixCompressor.isEmpty() ? "compress it" : "set its compressor", settings.thresholdDb().initial(),
                                Words.number(settings.ratio().initial()), Words.number(settings.attackMs().initial()));
                String advice = String.format(Locale.ROOT, "%s %s than in the target (loudness range %.1f dB against "
                        + "%.1f dB): %s.", name, error > 0 ? "swings more" : "is squeezed more", mixRange, targetRange, todo);
                compression = new Move(name, Aspect.COMPRESSION, error, Double.isFinite(uncertainty) ? uncertainty : 0,
                        Optional.of(settings), advice);
            }

            /** Each fitted compressor's effect on the stem's band gains (null where none was fitted), rendered. */
            private List<double[]> bandEffects(List<Optional<CompressorModel.Fitted>> compressors, int start, int frames) {
                List<double[]> out = new ArrayList<>();
                for (Optional<CompressorModel.Fitted> c : compressors) {
                    out.add(c.map(fitted -> CompressorModel.bandGainsDb(stems.get(i).audio(), fitted.settings(), start,
                            frames, layout)).orElse(null));
                }
                return out;
            }

            /** χ² of the band differences after a compressor change (target's effect in, mix's out) and the best fader. */
            private double spectralCost(double[] d, double[] weight, double[] mixEffect, double[] targetEffect) {
                double[] e = new double[bands];
                double num = 0;
                double den = 0;
                for (int b = 0; b < bands; b++) {
                    if (weight[b] == 0) {
                        continue;
                    }
                    e[b] = d[b] + (targetEffect == null ? 0 : targetEffect[b]) - (mixEffect == null ? 0 : mixEffect[b]);
                    num += weight[b] * e[b];
                    den += weight[b];
                }
                double fader = den > 0 ? num / den : 0;
                double cost = 0;
                for (int b = 0; b < bands; b++) {
                    cost += weight[b] * (e[b] - fader) * (e[b] - fader);
                }
                return cost;
            }

            /**
             * A ride: a stretch of at most half the song where the stem's level differs from the target's by the same
             * amount, against the rest; found on the automation windows, its ends set frame by frame.
             */
            void ride(double[] mixWindows, double[] targetWindows, double[] mixLevel, double[] targetLevel) {
                int windows = Math.min(mixWindows.length, targetWindows.length);
                List<Integer> active = new ArrayList<>();
                double[] d = new double[windows];
                for (int w = 0; w < windows; w++) {
                    d[w] = mixWindows[w] - targetWindows[w];
                    if (Double.isFinite(d[w])) {
                        active.add(w);
                    }
                }
                if (compression != null) {
                    // The compressor move already accounts for part of how the level moves.
                    int per = timeline.framesPerWindow();
                    for (int w : active) {
                        double sum = 0;
                        int count = 0;
                        for (int f = w * per; f < Math.min(mixLevel.length, (w + 1) * per); f++) {
                            if (Double.isFinite(mixLevel[f]) && Double.isFinite(targetLevel[f])) {
                                sum += mixLevel[f] - targetLevel[f];
                                count++;
                            }
                        }
                        d[w] = count > 0 ? sum / count : d[w];
                    }
                }
                int count = active.size();
                if (count < 3) {
                    return;
                }
                double total = active.stream().mapToDouble(w -> d[w]).sum();
                double bestGain = 0;
                int bestFrom = -1;
                int bestTo = -1;
                for (int a = 0; a < count; a++) {
                    double inside = 0;
                    for (int b = a; b < count && b - a + 1 <= count / 2; b++) {
                        inside += d[active.get(b)];
                        int in = b - a + 1;
                        int out = count - in;
                        double r = inside / in - (total - inside) / out;
                        double gain = in * (double) out / count * r * r;
                        if (gain > bestGain) {
                            bestGain = gain;
                            bestFrom = a;
                            bestTo = b;
                        }
                    }
                }
                if (bestFrom < 0) {
                    return;
                }
                int in = bestTo - bestFrom + 1;
                int out = count - in;
                double inside = 0;
                for (int b = bestFrom; b <= bestTo; b++) {
                    inside += d[active.get(b)];
                }
                double insideMean = inside / in;
                double outsideMean = (total - inside) / out;
                double residual = 0;
                for (int a = 0; a < count; a++) {
                    double expected = a >= bestFrom && a <= bestTo ? insideMean : outsideMean;
                    residual += (d[active.get(a)] - expected) * (d[active.get(a)] - expected);
                }
                double spread = Math.max(BAND_SIGMA_FLOOR_DB / 2, Math.sqrt(residual / Math.max(1, count - 2)));
                double uncertainty = spread * Math.sqrt(1.0 / in + 1.0 / out);
                if (!reportable(Aspect.RIDE, insideMean - outsideMean, uncertainty)) {
                    return;
                }
                int[] frames = rideFrames(active.get(bestFrom), active.get(bestTo), mixLevel, targetLevel);
                double error = stepSize(mixLevel, targetLevel, frames[0], frames[1]);
                if (!reportable(Aspect.RIDE, error, uncertainty)) {
                    return;
                }
                double fromS = timeline.startS() + frames[0] * timeline.frameS();
                double toS = timeline.startS() + frames[1] * timeline.frameS();
                double fixDb = round(-error, 10);
                List<Breakpoint> points = new ArrayList<>();
                points.add(new Breakpoint(0, 0));
                if (fromS > RIDE_RAMP_S) {
                    points.add(new Breakpoint(fromS - RIDE_RAMP_S, 0));
                }
                points.add(new Breakpoint(Math.max(fromS, RIDE_RAMP_S / 2), fixDb));
                points.add(new Breakpoint(toS, fixDb));
                points.add(new Breakpoint(toS + RIDE_RAMP_S, 0));
                ProcessorSettings fix = new GainSettings(new Param.Automated(new Envelope(points, Curve.LINEAR)));
                songShiftDb += rideShiftDb(frames, fixDb);
                String advice = String.format(Locale.ROOT, "%s is %.1f dB %s than the target from %s to %s, against the "
                        + "rest of the song: ride its fader %s %.1f dB there.", name, Math.abs(error),
                        error > 0 ? "louder" : "quieter", Words.time(fromS), Words.time(toS), error > 0 ? "down" : "up",
                        Math.abs(fixDb));
                ride = new Move(name, Aspect.RIDE, error, uncertainty, Optional.of(fix), advice);
            }

            /** The ride's first and last-plus-one frame: the step that best fits the frame levels near the windows found. */
            private int[] rideFrames(int firstWindow, int lastWindow, double[] mixLevel, double[] targetLevel) {
                int per = timeline.framesPerWindow();
                int frames = mixLevel.length;
                double[] d = new double[frames];
                for (int f = 0; f < frames; f++) {
                    d[f] = mixLevel[f] - targetLevel[f];
                }
                int bestStart = firstWindow * per;
                int bestEnd = Math.min(frames, (lastWindow + 1) * per);
                double bestFit = Double.NEGATIVE_INFINITY;
                for (int start = Math.max(0, (firstWindow - 1) * per); start <= Math.min(frames - 1, (firstWindow + 1) * per); start++) {
                    for (int end = Math.max(start + 1, lastWindow * per); end <= Math.min(frames, (lastWindow + 2) * per); end++) {
                        double fit = stepFit(d, start, end);
                        if (fit > bestFit) {
                            bestFit = fit;
                            bestStart = start;
                            bestEnd = end;
                        }
                    }
                }
                return new int[] {bestStart, bestEnd};
            }

            /** The mean difference inside [start, end) less the mean outside, over the frames both mixes have. */
            private double stepSize(double[] mixLevel, double[] targetLevel, int start, int end) {
                double in = 0;
                double out = 0;
                int nIn = 0;
                int nOut = 0;
                for (int f = 0; f < mixLevel.length; f++) {
                    double d = mixLevel[f] - targetLevel[f];
                    if (!Double.isFinite(d)) {
                        continue;
                    }
                    if (f >= start && f < end) {
                        in += d;
                        nIn++;
                    } else {
                        out += d;
                        nOut++;
                    }
                }
                return nIn == 0 || nOut == 0 ? 0 : in / nIn - out / nOut;
            }

            /** How much a step over [start, end) explains of the frame differences: n_in·n_out/n·(mean_in − mean_out)². */
            private double stepFit(double[] d, int start, int end) {
                double in = 0;
                double out = 0;
                int nIn = 0;
                int nOut = 0;
                for (int f = 0; f < d.length; f++) {
                    if (!Double.isFinite(d[f])) {
                        continue;
                    }
                    if (f >= start && f < end) {
                        in += d[f];
                        nIn++;
                    } else {
                        out += d[f];
                        nOut++;
                    }
                }
                if (nIn == 0 || nOut == 0) {
                    return Double.NEGATIVE_INFINITY;
                }
                double r = in / nIn - out / nOut;
                return nIn * (double) nOut / (nIn + nOut) * r * r;
            }

            /** How a ride of {@code fixDb} over the frames changes the stem's level over the song, in dB. */
            private double rideShiftDb(int[] frames, double fixDb) {
                double[] input = timeline.frameInputDb();
                double inside = 0;
                double all = 0;
                for (int f = 0; f < input.length; f++) {
                    if (Double.isFinite(input[f])) {
                        double e = Math.pow(10, input[f] / 10);
                        all += e;
                        if (f >= frames[0] && f < frames[1]) {
                            inside += e;
                        }
                    }
                }
                return all > 0 ? 10 * Math.log10((all - inside + inside * Math.pow(10, fixDb / 10)) / all) : 0;
            }

            /** How far the stem's ride or compression moves its level over time, in dB (0 without either). */
            double movingDb() {
                double moving = 0;
                for (Move m : new Move[] {ride, compression}) {
                    if (m != null) {
                        moving = Math.max(moving, Math.abs(m.error()));
                    }
                }
                return moving;
            }

            /** The band differences this stem's spectral moves must explain, and their standard errors. */
            private double[] d;
            private double[] sigma;
            private double[][] segments;
            /** The EQ bands fitted last (reported or not): what spills onto the stems this one shares bands with. */
            private List<EqShape> shapes = List.of();

            /**
             * Prepares the fader and EQ fit: the band differences left after the shared curve and the other moves,
             * with their standard errors (the song's stretches, the fits' own, and what a ride or compressor on a stem
             * sharing the band could spill).
             */
            void spectrum(double[] difference, double[][] segmentDifference, double[] master, double[] movingDb) {
                d = new double[bands];
                sigma = new double[bands];
                for (int b = 0; b < bands; b++) {
                    d[b] = difference[b] - master[b] + songShiftDb + bandShiftDb[b];
                    double spill = 0;
                    for (int j = 0; j < n; j++) {
                        if (j != i && movingDb[j] > 0) {
                            double share = response.coherence(b, i, j);
                            spill += share * share * movingDb[j] * movingDb[j];
                        }
                    }
                    sigma[b] = Math.max(BAND_SIGMA_FLOOR_DB, Math.sqrt(bandVariance(i, b, segmentDifference) + spill));
                    if (!Double.isFinite(d[b]) || !Double.isFinite(sigma[b])) {
                        d[b] = Double.NaN;
                    }
                }
                segments = new double[segmentDifference.length][bands];
                for (int s = 0; s < segments.length; s++) {
                    for (int b = 0; b < bands; b++) {
                        segments[s][b] = segmentDifference[s][b] - master[b] + songShiftDb + bandShiftDb[b];
                    }
                }
            }

            /**
             * Fits the fader and EQ moves to the differences as they will be once the other stems' EQ moves are made:
             * {@code spillDb} is how those moves move this stem's estimate (see {@link FixResponse}).
             */
            void fit(double[] spillDb) {
                double[] corrected = new double[bands];
                for (int b = 0; b < bands; b++) {
                    corrected[b] = d[b] + spillDb[b];
                }
                SparseFit fit = new SparseFit(corrected, sigma, layout, shape -> response.responseDb(i, shape, i));
                fit.run();
                shapes = fit.shapes();
                spectral.clear();
                // A move's uncertainty: how much it varies over the song's stretches, or what the bands' own standard
                // errors (the fit's residual, a stem the others nearly copy) leave open, whichever is larger.
                double[][] perSegment = fit.linearRefits(segments);
                double[] formal = fit.linearSigmas();
                double faderUncertainty = Math.max(standardError(perSegment[0]), formal[0]);
                if (fit.faderDb() != 0) {
                    double error = -fit.faderDb();
                    if (reportable(Aspect.LEVEL, error, faderUncertainty)) {
                        double fixDb = round(fit.faderDb(), 10);
                        spectral.add(new Move(name, Aspect.LEVEL, error, faderUncertainty,
                                Optional.of(new GainSettings(Param.of(fixDb))), levelAdvice(name, error, fixDb)));
                    }
                }
                boolean[] audible = audibleBands(target.stems().get(i).curve());
                for (int k = 0; k < fit.shapes().size(); k++) {
                    EqShape shape = fit.shapes().get(k);
                    double largest = fit.largestEffectDb(k, audible);
                    if (largest == 0) {
                        continue;
                    }
                    double error = -largest;
                    double uncertainty = Math.max(standardError(perSegment[k + 1]), formal[k + 1])
                            * Math.abs(largest / shape.gainDb());
                    if (!reportable(Aspect.EQ, error, uncertainty)) {
                        continue;
                    }
                    EqSettings settings = rounded(shape);
                    spectral.add(new Move(name, Aspect.EQ, error, uncertainty, Optional.of(settings), eqAdvice(settings, error)));
                }
            }

            private String eqAdvice(EqSettings band, double error) {
                double hz = band.frequencyHz().initial();
                double gain = band.gainDb().initial();
                String where = switch (band.type()) {
                    case LOW_SHELF -> "below " + Words.hz(hz);
                    case HIGH_SHELF -> "above " + Words.hz(hz);
                    default -> "around " + Words.hz(hz);
                };
                String how = switch (band.type()) {
                    case LOW_SHELF -> "low shelf";
                    case HIGH_SHELF -> "high shelf";
                    default -> "bell, Q " + Words.number(band.q().initial());
                };
                return String.format(Locale.ROOT, "%s has %.1f dB %s %s than in the target: %s %.1f dB %s %s (%s).", name,
                        Math.abs(error), error > 0 ? "more" : "less", where, gain < 0 ? "cut" : "boost", Math.abs(gain),
                        band.type() == FilterType.PEAK ? "at" : where.startsWith("below") ? "below" : "above",
                        Words.hz(hz), how);
            }
        }

        /**
         * The bands where the stem is heard: within {@value #AUDIBLE_RANGE_DB} dB of its loudest band. Content further
         * down is masked by the stem's own louder bands, so an EQ change there alone is no audible difference.
         */
        private static boolean[] audibleBands(BandCurve curve) {
            double loudest = curve.levelDb().stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).max()
                    .orElse(Double.NaN);
            boolean[] audible = new boolean[curve.bands()];
            for (int b = 0; b < audible.length; b++) {
                audible[b] = curve.levelDb().get(b) >= loudest - AUDIBLE_RANGE_DB;
            }
            return audible;
        }

        /** The band as a person would set it: frequency to 3 significant digits, gain to 0.1 dB, Q to 2 digits. */
        private static EqSettings rounded(EqShape shape) {
            double hz = significant(shape.frequencyHz(), 3);
            double gain = round(shape.gainDb(), 10);
            double q = shape.type() == FilterType.PEAK ? significant(shape.q(), 2) : shape.q();
            return EqSettings.of(shape.type(), Math.max(10, Math.min(20000, hz)), Math.max(-30, Math.min(30, gain)),
                    Math.max(0.1, Math.min(20, q)), 12);
        }

        /** The stem's loudness range in one mix: 95th − 10th percentile of input plus level, over frames both mixes have. */
        private static double range(double[] input, double[] level, double[] other) {
            List<Double> values = new ArrayList<>();
            for (int f = 0; f < input.length; f++) {
                if (Double.isFinite(input[f]) && Double.isFinite(level[f]) && Double.isFinite(other[f])) {
                    values.add(input[f] + level[f]);
                }
            }
            if (values.size() < 10) {
                return Double.NaN;
            }
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return sorted[(int) Math.round(0.95 * (sorted.length - 1))] - sorted[(int) Math.round(0.10 * (sorted.length - 1))];
        }

    }

    /** The standard error of the mean of the finite values (NaN with fewer than two). */
    static double standardError(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (finite.length < 2) {
            return Double.NaN;
        }
        double mean = Arrays.stream(finite).average().orElse(0);
        double squares = Arrays.stream(finite).map(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (finite.length - 1) / finite.length);
    }

    /** Interaural level difference of a constant-power position, right over left, clamped to ±20 dB (fully to one side). */
    static double ild(double pan) {
        double theta = (pan + 1) * Math.PI / 4;
        double db = 20 * Math.log10(Math.sin(theta) / Math.cos(theta));
        return Double.isNaN(db) ? 0 : Math.max(-MixScorer.FULL_SIDE_ILD_DB, Math.min(MixScorer.FULL_SIDE_ILD_DB, db));
    }

    /** The balance control (−1…1; the far side turned down linearly) that gives a stereo stem the L/R ratio of a constant-power position. */
    static double balance(double pan) {
        double theta = (pan + 1) * Math.PI / 4;
        double ratio = Math.tan(theta);
        return Math.max(-1, Math.min(1, ratio >= 1 ? 1 - 1 / ratio : ratio - 1));
    }

    /** A stereo stem's power (both sides averaged) through a balance control at {@code position}. */
    static double balancePower(double position) {
        double left = Math.min(1, 1 - position);
        double right = Math.min(1, 1 + position);
        return (left * left + right * right) / 2;
    }

    private static double median(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        int count = finite.length;
        if (count == 0) {
            return Double.NaN;
        }
        return count % 2 == 1 ? finite[count / 2] : (finite[count / 2 - 1] + finite[count / 2]) / 2;
    }

    private static double round(double value, double steps) {
        return Math.round(value * steps) / steps;
    }

    private static double significant(double value, int digits) {
        double scale = Math.pow(10, digits - 1 - Math.floor(Math.log10(Math.abs(value))));
        return Math.round(value * scale) / scale;
    }
}
