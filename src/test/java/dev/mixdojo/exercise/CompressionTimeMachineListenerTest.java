package dev.mixdojo.exercise;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.chain.ChainRenderer;
import dev.mixdojo.dsp.dynamics.BlockLevels;
import dev.mixdojo.dsp.dynamics.DynamicsSettings;
import dev.mixdojo.dsp.dynamics.ThresholdSearch;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/**
 * Machine listeners for the compression kinds about time and ratio: fast or slow release, attack and
 * release in ms, which ratio, and matching a compressor. The solver reads the gain the compressor applied from the two
 * versions ({@link GainCurve}), then tries each candidate setting on the original — with the
 * threshold that gives the measured reduction on the hits, as the question itself does — and
 * answers the one whose gain curve comes nearest. It knows what the drill states (the other
 * settings: the kinds' defaults, 4:1, attack 5 ms, release 150 ms), never the key.
 */
class CompressionTimeMachineListenerTest extends WithMaterial {
    private static final String SNARE = "song/funk-elevator/snare";

    @Test
    void fastOrSlowReleaseOnASnare() {
        Drills.assertSolved(audio, CompressionKinds.compressionRelease(), SNARE, "{excerptS: 3}", 25,
                question -> chosen(question, ms -> settings(4, 5, ms)));
    }

    @Test
    void attackTimeInMillisecondsOnASnare() {
        Drills.assertSolved(audio, CompressionKinds.compressionAttackMs(), SNARE, "{excerptS: 3}", 1.5,
                question -> new Answer.Valued(bestShape(question, octaves(0.35, 70), ms -> settings(4, ms, 150))));
    }

    @Test
    void releaseTimeInMillisecondsOnASnare() {
        Drills.assertSolved(audio, CompressionKinds.compressionReleaseMs(), SNARE, "{excerptS: 3}", 1.5,
                question -> new Answer.Valued(bestShape(question, octaves(14, 1400), ms -> settings(4, 5, ms))));
    }

    @Test
    void whichRatioOnASnare() {
        Drills.assertSolved(audio, CompressionKinds.compressionRatio(), SNARE, "{excerptS: 3}", 5,
                question -> chosen(question, ratio -> settings(ratio, 5, 150)));
    }

    @Test
    void matchingACompressorOnASnare() {
        Drills.assertSolved(audio, CompressionKinds.compressionMatch(), SNARE, "{excerptS: 3}", 2, question -> {
            // One setting at a time, the others held: attack, then release, then ratio; the threshold
            // is the one that gives the measured reduction on the hits.
            double attackMs = bestShape(question, octaves(0.7, 45), ms -> settings(4, ms, 150));
            double releaseMs = bestShape(question, octaves(30, 480), ms -> settings(4, attackMs, ms));
            double ratio = bestFit(question, List.of(2.0, 4.0, 8.0), r -> settings(r, attackMs, releaseMs));
            AudioBuffer original = question.audio().get("original");
            double thresholdDb = ThresholdSearch.find(original, new GainCurve(question).onHitsDb(),
                    settings(ratio, attackMs, releaseMs)).thresholdDb();
            double belowPeakDb = Math.max(0, Math.min(60, BlockLevels.peakDbfs(original) - thresholdDb));
            return new Answer.Dialed(Map.of("belowPeakDb", belowPeakDb, "ratio", ratio, "attackMs", attackMs, "releaseMs", releaseMs));
        });
    }

    /** The offered option whose setting fits best. */
    private static Answer chosen(Question question, DoubleFunction<ThresholdSearch.Compressor> compressorFor) {
        List<Double> values = ((AnswerForm.Choice) question.form()).options().stream().map(AnswerForm.Option::value).toList();
        double best = bestFit(question, values, compressorFor);
        return new Answer.Chosen(((AnswerForm.Choice) question.form()).options().stream()
                .filter(o -> o.value() == best).findFirst().orElseThrow().label());
    }

    private static List<Double> octaves(double lowest, double highest) {
        return DoubleStream.iterate(lowest, v -> v <= highest * 1.01, v -> v * 2).boxed().toList();
    }

    private static ThresholdSearch.Compressor settings(double ratio, double attackMs, double releaseMs) {
        return thresholdDb -> DynamicsSettings.compressor(thresholdDb, ratio, 0, attackMs, releaseMs, 0);
    }

    /**
     * For times on a wide grid: one threshold (found for the middle candidate), each candidate's curve
     * scaled by least squares to the measured one, so only the shape decides — a quicker fit than
     * finding each candidate's own threshold, and the time constants change the shape, not the size.
     */
    private static double bestShape(Question question, List<Double> candidates,
            DoubleFunction<ThresholdSearch.Compressor> compressorFor) {
        AudioBuffer original = question.audio().get("original");
        GainCurve measured = new GainCurve(question);
        double[] heard = measured.reductionDb();
        double thresholdDb = ThresholdSearch.find(original, measured.onHitsDb(),
                compressorFor.apply(candidates.get(candidates.size() / 2))).thresholdDb();
        return candidates.stream().min(Comparator.comparingDouble(candidate -> {
            AudioBuffer simulated = ChainRenderer.render(
                    new ChainDescription(List.of(compressorFor.apply(candidate).at(thresholdDb))), original);
            double[] tried = new GainCurve(original, simulated).reductionDb();
            double heardTried = 0;
            double triedTried = 0;
            double heardHeard = 0;
            for (int b = 0; b < heard.length; b++) {
                heardTried += heard[b] * tried[b];
                triedTried += tried[b] * tried[b];
                heardHeard += heard[b] * heard[b];
            }
            // The residual of heard ≈ a·tried at the best a.
            return heardHeard - (triedTried > 0 ? heardTried * heardTried / triedTried : 0);
        })).orElseThrow();
    }

    /** The candidate whose simulated gain curve is nearest (mean squared dB over the active blocks) to the measured one. */
    private static double bestFit(Question question, List<Double> candidates,
            DoubleFunction<ThresholdSearch.Compressor> compressorFor) {
        AudioBuffer original = question.audio().get("original");
        GainCurve measured = new GainCurve(question);
        double[] heard = measured.reductionDb();
        return candidates.stream().min(Comparator.comparingDouble(candidate -> {
            ThresholdSearch.Compressor compressor = compressorFor.apply(candidate);
            double thresholdDb = ThresholdSearch.find(original, measured.onHitsDb(), compressor).thresholdDb();
            AudioBuffer simulated = ChainRenderer.render(new ChainDescription(List.of(compressor.at(thresholdDb))), original);
            double[] tried = new GainCurve(original, simulated).reductionDb();
            double sum = 0;
            for (int b = 0; b < heard.length; b++) {
                sum += (heard[b] - tried[b]) * (heard[b] - tried[b]);
            }
            return sum / heard.length;
        })).orElseThrow();
    }
}
