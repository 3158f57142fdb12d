package dev.mixdojo.progress;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What a learner's attempts say about one skill: accuracy over time, confusions and biases. */
public final class ProgressStatistics {
    private ProgressStatistics() {
    }

    /** Share of right answers on one day, over {@code attempts} answers. */
    public record DailyAccuracy(LocalDate day, int attempts, double accuracy) {
    }

    /**
     * The mean signed error of the answers given when the truth had one label (e.g. answers to
     * 8 kHz questions average +0.33 octave), with its standard error, over {@code attempts}.
     */
    public record Bias(String truthLabel, int attempts, double meanSignedError, double standardError, String unit) {
    }

    /** Accuracy per calendar day in the given time zone, oldest first. */
    public static List<DailyAccuracy> accuracyByDay(List<Attempt> attempts, String skill, ZoneId zone) {
        Map<LocalDate, List<Attempt>> byDay = attempts.stream()
                .filter(a -> a.skill().equals(skill))
                .collect(Collectors.groupingBy(a -> LocalDate.ofInstant(a.at(), zone), TreeMap::new, Collectors.toList()));
        return byDay.entrySet().stream()
                .map(e -> new DailyAccuracy(e.getKey(), e.getValue().size(),
                        e.getValue().stream().filter(Attempt::correct).count() / (double) e.getValue().size()))
                .toList();
    }

    /** How many questions with one truth label were answered, and how many of them right. */
    public record LabelTally(int attempts, int right) {
        /** Validates 0 ≤ right ≤ attempts. */
        public LabelTally {
            if (!(right >= 0 && right <= attempts)) {
                throw new IllegalArgumentException("need 0 ≤ right ≤ attempts");
            }
        }

        /** The answers that were wrong. */
        public int wrong() {
            return attempts - right;
        }
    }

    /** Per truth label (e.g. each band), how often it was asked and answered right, sorted by label. */
    public static Map<String, LabelTally> tallyByTruth(List<Attempt> attempts, String skill) {
        Map<String, LabelTally> tallies = new TreeMap<>();
        for (Attempt a : attempts) {
            if (a.skill().equals(skill)) {
                tallies.merge(a.truthLabel(), new LabelTally(1, a.correct() ? 1 : 0),
                        (x, y) -> new LabelTally(x.attempts() + y.attempts(), x.right() + y.right()));
            }
        }
        return tallies;
    }

    /** The direction bias per truth label, for labels answered at least twice. */
    public static List<Bias> biasByTruth(List<Attempt> attempts, String skill) {
        Map<String, List<Attempt>> byTruth = attempts.stream()
                .filter(a -> a.skill().equals(skill))
                .collect(Collectors.groupingBy(Attempt::truthLabel, TreeMap::new, Collectors.toList()));
        return byTruth.entrySet().stream()
                .filter(e -> e.getValue().size() >= 2)
                .map(e -> bias(e.getKey(), e.getValue()))
                .toList();
    }

    private static Bias bias(String label, List<Attempt> group) {
        int n = group.size();
        double mean = group.stream().mapToDouble(Attempt::signedError).average().orElse(0);
        double variance = group.stream().mapToDouble(a -> (a.signedError() - mean) * (a.signedError() - mean)).sum() / (n - 1);
        return new Bias(label, n, mean, Math.sqrt(variance / n), group.get(0).unit());
    }

    /** Fewest different answers that can be on a free axis (a few could be a handful of options). */
    static final int FREE_AXIS_LABELS = 6;

    /**
     * A skill answered on a free axis (a pan position, a cutoff: answers are values, not options)
     * relabelled into about nine bins of its range, so the mix-ups and biases group neighbouring
     * values instead of treating every value as a category of its own; answers chosen among options
     * are returned as they are. The answers are free when they have at least {@value #FREE_AXIS_LABELS}
     * labels and most of them never occur as a truth (a chosen option is mostly one that is also asked).
     */
    public static List<Attempt> onFreeAxisBins(List<Attempt> ofSkill) {
        Set<String> truths = ofSkill.stream().map(Attempt::truthLabel).collect(Collectors.toSet());
        long unlikeAnyTruth = ofSkill.stream().filter(a -> !truths.contains(a.answerLabel())).count();
        long answerLabels = ofSkill.stream().map(Attempt::answerLabel).distinct().count();
        if (answerLabels < FREE_AXIS_LABELS || unlikeAnyTruth * 2 <= ofSkill.size()) {
            return ofSkill;
        }
        double low = ofSkill.stream().mapToDouble(a -> Math.min(a.truth(), a.answer())).min().orElseThrow();
        double high = ofSkill.stream().mapToDouble(a -> Math.max(a.truth(), a.answer())).max().orElseThrow();
        double width = niceStep((high - low) / 8);
        return ofSkill.stream().map(a -> new Attempt(a.id(), a.at(), a.lessonId(), a.skill(), a.level(), a.seed(),
                a.truth(), a.answer(), a.unit(), binLabel(a.truth(), width, a.unit()), binLabel(a.answer(), width, a.unit()),
                a.correct(), a.score(), a.responseTimeMs(), a.drillId())).toList();
    }

    /** The label of the bin of {@code width} around {@code value}: pan percentages as engineers write them (50 L, C, 25 R). */
    static String binLabel(double value, double width, String unit) {
        double centre = Math.round(value / width) * width;
        String number = Staircase.format(Math.abs(centre));
        if (unit.equals("%")) {
            return centre == 0 ? "C" : number + (centre < 0 ? " L" : " R");
        }
        return (centre < 0 ? "-" : centre > 0 && unit.equals("dB") ? "+" : "") + number + " " + unit;
    }

    /** 1, 2.5 or 5 times a power of ten (pan in quarters: 25 %), the nearest at or above {@code raw}. */
    private static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

}
