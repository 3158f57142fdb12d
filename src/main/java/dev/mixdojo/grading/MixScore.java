package dev.mixdojo.grading;

import dev.mixdojo.dsp.ProcessorSettings;
import dev.mixdojo.dsp.chain.ChainDescription;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A learner's mix scored against a target made from the same stems; immutable. Made by {@link #of}, which puts
 * the items' distances on {@link ScoreScale} and shares the points lost among them.
 *
 * @param mix         the per-stem estimate of the learner's mix
 * @param target      the per-stem estimate of the target
 * @param loudness    the integrated loudness of the learner's mix and of the target
 * @param diagnosis   the moves that explain the difference, and how well the stems explain the mixes
 * @param items       every reported item, stems in the order given, then the mix
 * @param score       0…100 on {@link ScoreScale}; 0 when the fit withholds the verdicts
 * @param setAside    files of the stems folder that were left out as not stems (a rough mix, a reference…)
 */
public record MixScore(MixEstimate mix, MixEstimate target, Loudness loudness, Diagnosis diagnosis,
        List<ScoreItem> items, int score, List<StemSet.SetAside> setAside) {

    /**
     * Integrated loudness (BS.1770, gated; no true peak: scoring needs only the difference).
     *
     * @param mixLufs    the learner's mix, in LUFS
     * @param targetLufs the target, in LUFS
     */
    public record Loudness(double mixLufs, double targetLufs) {
        /** Mix minus target, in LU. */
        public double differenceLu() {
            return mixLufs - targetLufs;
        }
    }

    /** Copies the lists and checks the score. */
    public MixScore {
        items = List.copyOf(items);
        setAside = List.copyOf(setAside);
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be 0…100, got " + score);
        }
    }

    /** The score of {@code items}, each with its share of the points lost. */
    static MixScore of(MixEstimate mix, MixEstimate target, Loudness loudness, Diagnosis diagnosis,
            List<ScoreItem> items) {
        double distance = ScoreScale.distance(items.stream().map(ScoreItem::distance).toList());
        double lost = 100 - ScoreScale.score(distance);
        double squares = distance * distance;
        List<ScoreItem> shared = items.stream()
                .map(i -> i.withPointsLost(squares > 0 ? lost * i.distance() * i.distance() / squares : 0)).toList();
        int score = diagnosis.fit().trust() == FitQuality.Trust.WITHHELD ? 0 : (int) Math.round(100 - lost);
        return new MixScore(mix, target, loudness, diagnosis, shared, score, List.of());
    }

    /** The same score, saying which files of the stems folder were left out as not stems. */
    public MixScore withSetAside(List<StemSet.SetAside> files) {
        return new MixScore(mix, target, loudness, diagnosis, items, score, files);
    }

    /** The median stem level difference (mix minus target): a whole-mix level change, not a balance error. */
    public double overallGainDb() {
        return diagnosis.overallGainDb();
    }

    /** How well the stems explain the mix and the target. */
    public FitQuality fit() {
        return diagnosis.fit();
    }

    /**
     * The same score counting only the items whose aspect is in {@code aspects} (e.g. a challenge that scores
     * level and pan): the other items keep their verdict and advice but cost no points.
     */
    public MixScore scoredOn(Collection<String> aspects) {
        List<ScoreItem> kept = items.stream().map(i -> aspects.contains(i.aspect()) ? i : i.notScored()).toList();
        return of(mix, target, loudness, diagnosis, kept).withSetAside(setAside);
    }

    /**
     * The suggested moves per stem, in the chain vocabulary, in the order a channel strip applies them (EQ bands,
     * compressor, fader and ride, pan): what {@code mix.ChannelStrip#withSuggestion} applies.
     */
    public Map<String, ChainDescription> suggestions() {
        Map<String, List<ProcessorSettings>> steps = new LinkedHashMap<>();
        for (ScoreItem item : items) {
            item.fix().ifPresent(fix -> steps.computeIfAbsent(item.subject(), k -> new ArrayList<>()).add(fix));
        }
        Map<String, ChainDescription> out = new LinkedHashMap<>();
        steps.forEach((stem, list) -> out.put(stem, new ChainDescription(list)));
        return out;
    }
}
