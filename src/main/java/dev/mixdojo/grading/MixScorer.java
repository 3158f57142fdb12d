package dev.mixdojo.grading;

import dev.mixdojo.analysis.report.AnalysisKind;
import dev.mixdojo.analysis.report.ProgrammeAnalysis;
import dev.mixdojo.analysis.report.ProgrammeAnalyzer;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.material.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Scores a learner's mix against a target bounced from the same stems: both are reverse-engineered
 * by {@link StemEstimator}, and each stem's level, pan and EQ differences are judged against the
 * just-noticeable differences of RESEARCH.md. Stateless and thread-safe.
 *
 * <p>Scoring: an item within its JND costs nothing; beyond it, the cost grows linearly to
 * {@link #POINTS_PER_ITEM} at {@link #FULL_COST_JNDS} JNDs past the JND. The score is 100 minus the
 * costs, floored at 0, so one clearly wrong fader costs about ten points and a mix against itself scores 100.
 */
public final class MixScorer {
    /** Level JND: 0.5–1 dB is just noticeable on broadband material (Olive; audiocheck blind tests); music takes the upper end. */
    public static final double LEVEL_JND_DB = 1.0;
    /** Pan JND as an interaural level difference: 0.5–1 dB near centre (Breebaart &amp; Faller). */
    public static final double PAN_JND_DB = 1.0;
    /** An ILD this large (dB) already puts the image fully to one side (Breebaart &amp; Faller: ~15–20 dB). */
    public static final double FULL_SIDE_ILD_DB = 20;
    /** EQ JND per third-octave band, in dB: the broadband level JND applied band by band. */
    public static final double EQ_JND_DB = 1.0;
    /**
     * Compression JND as a change of the stem's loudness range in the mix (95th minus 10th percentile of
     * its 170 ms frame levels), in dB: the range compares loud and quiet moments, each with the 1 dB level
     * JND, so a change of 2 dB is taken as just noticeable. (RESEARCH.md: the amount of compression is audible.)
     */
    public static final double COMPRESSION_JND_DB = 2.0;
    /**
     * Reverb-send JND in dB: a send moves the reverberant energy by its own change, and the clarity index C50
     * (early over late energy) is just noticeable at about 1.1 dB (Bradley 1999).
     */
    public static final double REVERB_JND_DB = 1.1;
    /** Upper edge of the low end where kick and bass masking is judged, in Hz. */
    public static final double LOW_END_HZ = 250;
    /** Most points one item can cost. */
    public static final double POINTS_PER_ITEM = 20;
    /** JNDs beyond the JND at which an item costs all its points. */
    public static final double FULL_COST_JNDS = 4;

    private MixScorer() {
    }

    /** Scores {@code mix} against {@code target}; both are mixes of {@code stems} at the stems' sample rate. */
    public static MixScore score(List<StemAudio> stems, AudioBuffer mix, AudioBuffer target) {
        return score(stems, mix, target, List.of());
    }

    /**
     * Scores {@code mix} against {@code target}, also judging the reverb send of each stem in
     * {@code reverbReturns}: each is named after its stem and is that stem as the target sends it (its inserts
     * and pan, fader and send at 0 dB) through the target's reverb bus. The fit weighs these "wet" copies too,
     * and a stem's wet gain over its dry gain is its send level.
     */
    public static MixScore score(List<StemAudio> stems, AudioBuffer mix, AudioBuffer target, List<StemAudio> reverbReturns) {
        List<StemAudio> regressors = new ArrayList<>(stems);
        reverbReturns.forEach(r -> regressors.add(new StemAudio(r.name() + " (reverb)", r.audio())));
        // One estimation for both shares the stems' spectra and Gram matrices between them.
        List<MixEstimate> estimates = StemEstimator.estimateAll(regressors, List.of(mix, target));
        return score(stems.size(), reverbReturns, estimates.get(0), analyse(mix, "mix"),
                new Target(estimates.get(1), analyse(target, "target")));
    }

    /**
     * A target estimated and analysed once, to score many mixes of the same stems against it (a class's
     * homework); scoring against it gives the same numbers as {@link #score(List, AudioBuffer, AudioBuffer)}.
     *
     * @param estimate the target's per-stem estimate
     * @param analysis the target's loudness, spectrum and stereo analysis
     */
    public record Target(MixEstimate estimate, ProgrammeAnalysis analysis) {
    }

    /** Estimates and analyses {@code target}, a mix of {@code stems}, once for {@link #score(List, AudioBuffer, Target)}. */
    public static Target target(List<StemAudio> stems, AudioBuffer target) {
        return new Target(StemEstimator.estimate(stems, target), analyse(target, "target"));
    }

    /** Scores {@code mix} against a target prepared by {@link #target}; thread-safe, so many mixes can share one target. */
    public static MixScore score(List<StemAudio> stems, AudioBuffer mix, Target target) {
        return score(stems.size(), List.of(), StemEstimator.estimate(stems, mix), analyse(mix, "mix"), target);
    }

    /**
     * Scores the first {@code n} stems of a mix estimate against the target's; estimates hold after them one
     * wet copy per entry of {@code reverbReturns}.
     */
    private static MixScore score(int n, List<StemAudio> reverbReturns, MixEstimate fullMixEstimate,
            ProgrammeAnalysis mixAnalysis, Target target) {
        MixEstimate mixEstimate = dryPart(fullMixEstimate, n);
        MixEstimate targetEstimate = dryPart(target.estimate(), n);
        ProgrammeAnalysis analysis = mixAnalysis.comparedWith(target.analysis());
        double[] levelDifferences = new double[n];
        for (int i = 0; i < n; i++) {
            levelDifferences[i] = mixEstimate.stems().get(i).gainDb() - targetEstimate.stems().get(i).gainDb();
        }
        double overall = median(levelDifferences);
        List<ScoreItem> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StemEstimate m = mixEstimate.stems().get(i);
            StemEstimate t = targetEstimate.stems().get(i);
            items.add(levelItem(m.name(), levelDifferences[i] - overall));
            items.add(panItem(m.name(), m.pan(), t.pan()));
            items.add(eqItem(m, t));
            rideItem(mixEstimate.timelines().get(i), targetEstimate.timelines().get(i)).ifPresent(items::add);
            compressionItem(mixEstimate.timelines().get(i), targetEstimate.timelines().get(i)).ifPresent(items::add);
            for (int r = 0; r < reverbReturns.size(); r++) {
                if (reverbReturns.get(r).name().equals(m.name())) {
                    StemEstimate wetMix = fullMixEstimate.stems().get(n + r);
                    StemEstimate wetTarget = target.estimate().stems().get(n + r);
                    items.add(reverbItem(m.name(), wetMix.gainDb() - m.gainDb(), wetTarget.gainDb() - t.gainDb()));
                }
            }
        }
        maskingItem(mixEstimate, targetEstimate).ifPresent(items::add);
        double loudness = analysis.comparison().map(c -> c.integratedDifferenceLu()).orElse(Double.NaN);
        if (Double.isFinite(loudness)) {
            items.add(new ScoreItem("mix", "loudness", loudness, "LU", LEVEL_JND_DB,
                    Verdict.of(Math.abs(loudness), LEVEL_JND_DB), 0, String.format(Locale.ROOT,
                            "The whole mix is %.1f LU %s than the target (not scored: the balance between stems is).",
                            Math.abs(loudness), loudness > 0 ? "louder" : "quieter")));
        }
        return new MixScore(mixEstimate, targetEstimate, analysis, overall, items, MixScore.total(items));
    }

    static ScoreItem levelItem(String stem, double errorDb) {
        Verdict verdict = Verdict.of(Math.abs(errorDb), LEVEL_JND_DB);
        String advice = verdict == Verdict.WITHIN
                ? String.format(Locale.ROOT, "%s's level matches the target (within the %.0f dB an ear notices).", stem, LEVEL_JND_DB)
                : String.format(Locale.ROOT, "%s is %.1f dB %s than in the target: bring its fader %s about %.1f dB.",
                        stem, Math.abs(errorDb), errorDb > 0 ? "louder" : "quieter", errorDb > 0 ? "down" : "up", Math.abs(errorDb));
        return new ScoreItem(stem, "level", errorDb, "dB", LEVEL_JND_DB, verdict, cost(errorDb, LEVEL_JND_DB), advice);
    }

    /**
     * Where the learner's fader rides differ from the target's: the stem's gain window by window (about 3 s),
     * mix minus target, less the median of those differences (the stem's overall level is the level item's);
     * the error is the window furthest from that, and the advice names the run of windows around it.
     */
    static Optional<ScoreItem> rideItem(StemTimeline mix, StemTimeline target) {
        double[] m = mix.windowGainDb();
        double[] t = target.windowGainDb();
        int n = Math.min(m.length, t.length);
        double[] d = new double[n];
        List<Double> valid = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            d[w] = m[w] - t[w];
            if (Double.isFinite(d[w])) {
                valid.add(d[w]);
            }
        }
        if (valid.size() < 2) {
            return Optional.empty();
        }
        double median = median(valid.stream().mapToDouble(Double::doubleValue).toArray());
        int worst = -1;
        for (int w = 0; w < n; w++) {
            if (Double.isFinite(d[w]) && (worst < 0 || Math.abs(d[w] - median) > Math.abs(d[worst] - median))) {
                worst = w;
            }
        }
        double error = d[worst] - median;
        Verdict verdict = Verdict.of(Math.abs(error), LEVEL_JND_DB);
        int first = worst;
        int last = worst;
        while (first > 0 && sameRide(d[first - 1] - median, error)) {
            first--;
        }
        while (last < n - 1 && sameRide(d[last + 1] - median, error)) {
            last++;
        }
        String stem = mix.name();
        String advice = verdict == Verdict.WITHIN
                ? String.format(Locale.ROOT, "%s's level follows the target's through the song (within %.0f dB in every "
                        + "%.0f-second window).", stem, LEVEL_JND_DB, mix.windowS())
                : String.format(Locale.ROOT, "%s is %.1f dB %s than the target from %s to %s, against the rest of the song: "
                        + "ride its fader %s there.", stem, Math.abs(error), error > 0 ? "louder" : "quieter",
                        time(mix.windowStartS(first)), time(mix.windowStartS(last + 1)), error > 0 ? "down" : "up");
        return Optional.of(new ScoreItem(stem, "ride", error, "dB", LEVEL_JND_DB, verdict,
                cost(error, LEVEL_JND_DB), advice));
    }

    private static boolean sameRide(double deviation, double error) {
        return Double.isFinite(deviation) && Math.signum(deviation) == Math.signum(error) && Math.abs(deviation) > LEVEL_JND_DB;
    }

    /**
     * Compression as the stem's loudness range in the mix: the 95th minus the 10th percentile of its frame
     * levels (170 ms frames where the stem sounds). A compressor narrows it; mix minus target is the error.
     */
    static Optional<ScoreItem> compressionItem(StemTimeline mix, StemTimeline target) {
        double mixRange = range(mix.frameLevelDb());
        double targetRange = range(target.frameLevelDb());
        if (!Double.isFinite(mixRange) || !Double.isFinite(targetRange)) {
            return Optional.empty();
        }
        double error = mixRange - targetRange;
        Verdict verdict = Verdict.of(Math.abs(error), COMPRESSION_JND_DB);
        String stem = mix.name();
        String advice = verdict == Verdict.WITHIN
                ? String.format(Locale.ROOT, "%s's dynamics match the target (loudness range %.1f dB against %.1f dB).",
                        stem, mixRange, targetRange)
                : error < 0
                        ? String.format(Locale.ROOT, "%s is squeezed more than in the target (loudness range %.1f dB against "
                                + "%.1f dB): compress it less, with a higher threshold or a lower ratio.", stem, mixRange, targetRange)
                        : String.format(Locale.ROOT, "%s swings more than in the target (loudness range %.1f dB against "
                                + "%.1f dB): compress it more, with a lower threshold or a higher ratio.", stem, mixRange, targetRange);
        return Optional.of(new ScoreItem(stem, "compression", error, "dB range", COMPRESSION_JND_DB, verdict,
                cost(error, COMPRESSION_JND_DB), advice));
    }

    /** 95th minus 10th percentile of the finite values (at least ten), in dB; NaN when there are too few. */
    static double range(double[] levelsDb) {
        double[] finite = Arrays.stream(levelsDb).filter(Double::isFinite).sorted().toArray();
        if (finite.length < 10) {
            return Double.NaN;
        }
        return finite[(int) Math.round(0.95 * (finite.length - 1))] - finite[(int) Math.round(0.10 * (finite.length - 1))];
    }

    /** The reverb send as the wet copy's gain over the dry stem's gain (both fitted), mix against target, in dB. */
    static ScoreItem reverbItem(String stem, double mixWetDb, double targetWetDb) {
        // No reverb at all reads as −∞; 40 dB below the target is already "none" to the ear.
        double error = Math.max(-40, Math.min(40, mixWetDb - targetWetDb));
        if (Double.isNaN(error)) {
            error = -40;
        }
        Verdict verdict = Verdict.of(Math.abs(error), REVERB_JND_DB);
        String advice = verdict == Verdict.WITHIN
                ? String.format(Locale.ROOT, "%s has as much reverb as in the target (send %.1f dB against %.1f dB).",
                        stem, mixWetDb, targetWetDb)
                : String.format(Locale.ROOT, "%s has %.1f dB %s reverb than in the target: turn its reverb send %s about %.1f dB.",
                        stem, Math.abs(error), error > 0 ? "more" : "less", error > 0 ? "down" : "up", Math.abs(error));
        return new ScoreItem(stem, "reverb", error, "dB", REVERB_JND_DB, verdict, cost(error, REVERB_JND_DB), advice);
    }

    /**
     * Low-end masking: the kick and the bass (found by name) peaking in the same third-octave band below
     * {@link #LOW_END_HZ}. Judged only when the mix makes them share a band the target keeps apart: the error
     * is then how much louder the bass stands against the kick in that band than in the target.
     */
    static Optional<ScoreItem> maskingItem(MixEstimate mix, MixEstimate target) {
        int kick = stemWithRole(mix, Role.KICK);
        int bass = stemWithRole(mix, Role.BASS);
        if (kick < 0 || bass < 0) {
            return Optional.empty();
        }
        StemEstimate mk = mix.stems().get(kick);
        StemEstimate mb = mix.stems().get(bass);
        int mixKickPeak = lowPeak(mk);
        int mixBassPeak = lowPeak(mb);
        int targetKickPeak = lowPeak(target.stems().get(kick));
        int targetBassPeak = lowPeak(target.stems().get(bass));
        if (mixKickPeak < 0 || mixBassPeak < 0 || targetKickPeak < 0 || targetBassPeak < 0) {
            return Optional.empty();
        }
        String subject = mk.name() + " + " + mb.name();
        boolean shared = mixKickPeak == mixBassPeak;
        boolean targetShared = targetKickPeak == targetBassPeak;
        if (!shared || targetShared) {
            String advice = shared
                    ? String.format(Locale.ROOT, "%s and %s both peak at %s, as in the target.", mk.name(), mb.name(),
                            hz(mk.eqBandsHz().get(mixKickPeak)))
                    : String.format(Locale.ROOT, "%s peaks at %s and %s at %s: each has its own low band.", mk.name(),
                            hz(mk.eqBandsHz().get(mixKickPeak)), mb.name(), hz(mb.eqBandsHz().get(mixBassPeak)));
            return Optional.of(new ScoreItem(subject, "masking", 0, "dB", LEVEL_JND_DB, Verdict.WITHIN, 0, advice));
        }
        int b = mixKickPeak;
        double error = (mb.bandLevelDb().get(b) - mk.bandLevelDb().get(b))
                - (target.stems().get(bass).bandLevelDb().get(b) - target.stems().get(kick).bandLevelDb().get(b));
        Verdict verdict = Verdict.of(Math.abs(error), LEVEL_JND_DB);
        String advice = String.format(Locale.ROOT, "%s and %s both peak at %s, where the target keeps them apart (%s "
                + "at %s): cut one of them around %s so the other owns it.", mk.name(), mb.name(),
                hz(mk.eqBandsHz().get(b)), mb.name(), hz(mb.eqBandsHz().get(targetBassPeak)), hz(mk.eqBandsHz().get(b)));
        return Optional.of(new ScoreItem(subject, "masking", error, "dB", LEVEL_JND_DB, verdict,
                cost(error, LEVEL_JND_DB), advice));
    }

    private static int stemWithRole(MixEstimate estimate, Role role) {
        for (int i = 0; i < estimate.stems().size(); i++) {
            if (Role.guess(estimate.stems().get(i).name()) == role) {
                return i;
            }
        }
        return -1;
    }

    /** The band below {@link #LOW_END_HZ} where the stem is loudest in the mix, or −1. */
    private static int lowPeak(StemEstimate stem) {
        int peak = -1;
        for (int b = 0; b < stem.eqBandsHz().size() && stem.eqBandsHz().get(b) <= LOW_END_HZ; b++) {
            double level = stem.bandLevelDb().get(b);
            if (Double.isFinite(level) && (peak < 0 || level > stem.bandLevelDb().get(peak))) {
                peak = b;
            }
        }
        return peak;
    }

    /** The estimate restricted to its first {@code n} stems (the dry stems, without the reverb copies). */
    private static MixEstimate dryPart(MixEstimate all, int n) {
        return new MixEstimate(all.mixOffsetFrames(), all.residualDb(), all.stems().subList(0, n),
                all.timelines().subList(0, n));
    }

    /** Minutes and seconds, e.g. "1:05". */
    static String time(double seconds) {
        int s = (int) Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    static ScoreItem panItem(String stem, double mixPan, double targetPan) {
        double error = ild(mixPan) - ild(targetPan);
        Verdict verdict = Verdict.of(Math.abs(error), PAN_JND_DB);
        String advice = verdict == Verdict.WITHIN
                ? String.format(Locale.ROOT, "%s sits where the target has it (%s).", stem, position(targetPan))
                : String.format(Locale.ROOT, "%s sits at %s where the target has it at %s: pan it further %s.",
                        stem, position(mixPan), position(targetPan), targetPan > mixPan ? "right" : "left");
        return new ScoreItem(stem, "pan", error, "dB ILD", PAN_JND_DB, verdict, cost(error, PAN_JND_DB), advice);
    }

    static ScoreItem eqItem(StemEstimate mix, StemEstimate target) {
        double worst = 0;
        double worstHz = Double.NaN;
        for (int b = 0; b < mix.eqGainDb().size(); b++) {
            double d = mix.eqGainDb().get(b) - target.eqGainDb().get(b);
            if (Double.isFinite(d) && Math.abs(d) > Math.abs(worst)) {
                worst = d;
                worstHz = mix.eqBandsHz().get(b);
            }
        }
        Verdict verdict = Verdict.of(Math.abs(worst), EQ_JND_DB);
        String advice = verdict == Verdict.WITHIN
                ? String.format(Locale.ROOT, "%s's EQ matches the target within %.0f dB in every third-octave band.",
                        mix.name(), EQ_JND_DB)
                : String.format(Locale.ROOT, "%s has %.1f dB %s around %s than in the target: %s there.", mix.name(),
                        Math.abs(worst), worst > 0 ? "more" : "less", hz(worstHz), worst > 0 ? "cut" : "boost");
        return new ScoreItem(mix.name(), "eq", worst, "dB", EQ_JND_DB, verdict, cost(worst, EQ_JND_DB), advice);
    }

    /** Interaural level difference of a constant-power position, right over left, clamped to ±{@link #FULL_SIDE_ILD_DB}. */
    static double ild(double pan) {
        double theta = (pan + 1) * Math.PI / 4;
        double db = 20 * Math.log10(Math.sin(theta) / Math.cos(theta));
        return Double.isNaN(db) ? 0 : Math.max(-FULL_SIDE_ILD_DB, Math.min(FULL_SIDE_ILD_DB, db));
    }

    static double cost(double error, double jnd) {
        double beyond = (Math.abs(error) - jnd) / (FULL_COST_JNDS * jnd);
        return POINTS_PER_ITEM * Math.max(0, Math.min(1, beyond));
    }

    static String position(double pan) {
        if (Math.abs(pan) < 0.005) {
            return "centre";
        }
        return String.format(Locale.ROOT, "%.2f %s", Math.abs(pan), pan < 0 ? "L" : "R");
    }

    static String hz(double frequencyHz) {
        return frequencyHz >= 1000 ? String.format(Locale.ROOT, "%.1f kHz", frequencyHz / 1000)
                : String.format(Locale.ROOT, "%.0f Hz", frequencyHz);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static ProgrammeAnalysis analyse(AudioBuffer audio, String name) {
        ProgrammeAnalyzer analyzer = new ProgrammeAnalyzer(audio.sampleRateHz(), audio.channelCount(),
                EnumSet.of(AnalysisKind.LOUDNESS, AnalysisKind.SPECTRUM, AnalysisKind.STEREO));
        int block = 8192;
        float[][] chunk = new float[audio.channelCount()][block];
        for (int start = 0; start < audio.frames(); start += block) {
            int frames = Math.min(block, audio.frames() - start);
            for (int c = 0; c < audio.channelCount(); c++) {
                System.arraycopy(audio.channel(c), start, chunk[c], 0, frames);
            }
            analyzer.accept(chunk, frames);
        }
        return analyzer.result(name);
    }
}
