package dev.mixdojo.grading;

import dev.mixdojo.analysis.report.ProgrammeAnalysis;
import java.util.Collection;
import java.util.List;

/**
 * A learner's mix scored against a target made from the same stems; immutable.
 *
 * @param mix            the per-stem estimate of the learner's mix
 * @param target         the per-stem estimate of the target
 * @param mixAnalysis    loudness, spectrum and stereo of the learner's mix, compared with the target
 * @param overallGainDb  the median stem level difference (mix minus target): a whole-mix level change, not a balance error
 * @param items          every scored item, stems in the order given, then the mix
 * @param score          100 minus the points lost, 0…100
 */
public record MixScore(MixEstimate mix, MixEstimate target, ProgrammeAnalysis mixAnalysis, double overallGainDb,
        List<ScoreItem> items, int score) {

    /** Copies the list and checks the score. */
    public MixScore {
        items = List.copyOf(items);
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be 0…100, got " + score);
        }
    }

    /**
     * The same score counting only the items whose aspect is in {@code aspects} (e.g. a challenge that scores
     * level and pan): the other items keep their verdict and advice but cost no points.
     */
    public MixScore scoredOn(Collection<String> aspects) {
        List<ScoreItem> kept = items.stream().map(i -> aspects.contains(i.aspect()) ? i
                : new ScoreItem(i.subject(), i.aspect(), i.error(), i.unit(), i.jnd(), i.verdict(), 0, i.advice())).toList();
        return new MixScore(mix, target, mixAnalysis, overallGainDb, kept, total(kept));
    }

    /** 100 minus the points the items lose, rounded, floored at 0. */
    static int total(List<ScoreItem> items) {
        double lost = items.stream().mapToDouble(ScoreItem::pointsLost).sum();
        return (int) Math.max(0, Math.round(100 - lost));
    }
}
