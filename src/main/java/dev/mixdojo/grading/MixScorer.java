package dev.mixdojo.grading;

import dev.mixdojo.analysis.report.AnalysisKind;
import dev.mixdojo.analysis.report.ProgrammeAnalysis;
import dev.mixdojo.analysis.report.ProgrammeAnalyzer;
import dev.mixdojo.audio.AudioBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

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
    /** Most points one item can cost. */
    public static final double POINTS_PER_ITEM = 20;
    /** JNDs beyond the JND at which an item costs all its points. */
    public static final double FULL_COST_JNDS = 4;

    private MixScorer() {
    }

    /** Scores {@code mix} against {@code target}; both are mixes of {@code stems} at the stems' sample rate. */
    public static MixScore score(List<StemAudio> stems, AudioBuffer mix, AudioBuffer target) {
        // One estimation for both shares the stems' spectra and Gram matrices between them.
        List<MixEstimate> estimates = StemEstimator.estimateAll(stems, List.of(mix, target));
        return score(stems.size(), estimates.get(0), analyse(mix, "mix"),
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
        return score(stems.size(), StemEstimator.estimate(stems, mix), analyse(mix, "mix"), target);
    }

    private static MixScore score(int n, MixEstimate mixEstimate, ProgrammeAnalysis mixAnalysis, Target target) {
        MixEstimate targetEstimate = target.estimate();
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
        }
        double loudness = analysis.comparison().map(c -> c.integratedDifferenceLu()).orElse(Double.NaN);
        if (Double.isFinite(loudness)) {
            items.add(new ScoreItem("mix", "loudness", loudness, "LU", LEVEL_JND_DB,
                    Verdict.of(Math.abs(loudness), LEVEL_JND_DB), 0, String.format(Locale.ROOT,
                            "The whole mix is %.1f LU %s than the target (not scored: the balance between stems is).",
                            Math.abs(loudness), loudness > 0 ? "louder" : "quieter")));
        }
        double lost = items.stream().mapToDouble(ScoreItem::pointsLost).sum();
        int score = (int) Math.max(0, Math.round(100 - lost));
        return new MixScore(mixEstimate, targetEstimate, analysis, overall, items, score);
    }

    static ScoreItem levelItem(String stem, double errorDb) {
        Verdict verdict = Verdict.of(Math.abs(errorDb), LEVEL_JND_DB);
        String advice = verdict == Verdict.WITHIN
                ? String.format(Locale.ROOT, "%s's level matches the target (within the %.0f dB an ear notices).", stem, LEVEL_JND_DB)
                : String.format(Locale.ROOT, "%s is %.1f dB %s than in the target: bring its fader %s about %.1f dB.",
                        stem, Math.abs(errorDb), errorDb > 0 ? "louder" : "quieter", errorDb > 0 ? "down" : "up", Math.abs(errorDb));
        return new ScoreItem(stem, "level", errorDb, "dB", LEVEL_JND_DB, verdict, cost(errorDb, LEVEL_JND_DB), advice);
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
