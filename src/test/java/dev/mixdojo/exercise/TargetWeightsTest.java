package dev.mixdojo.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.progress.ProgressStatistics;
import dev.mixdojo.progress.StaircaseSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Targets weighted toward a learner's weak areas, and unweighted generation left exactly as it was. */
class TargetWeightsTest extends WithMaterial {
    private static final List<String> BANDS = List.of("125 Hz", "250 Hz", "500 Hz", "1 kHz", "2 kHz", "4 kHz");

    /** A learner who got 1 kHz wrong 8 times in 10 and every other band right 10 times in 10. */
    private static List<Attempt> weakAtOneKilohertz() {
        List<Attempt> attempts = new ArrayList<>();
        int n = 0;
        for (String band : BANDS) {
            for (int i = 0; i < 10; i++) {
                boolean right = !band.equals("1 kHz") || i < 2;
                attempts.add(new Attempt("a" + n++, Instant.EPOCH, "l", "eq.frequency", 9, n, 0, 0, "oct", band,
                        right ? band : "2 kHz", right, right ? 1 : 0, 1000));
            }
        }
        // Another skill's mistakes do not count.
        attempts.add(new Attempt("b", Instant.EPOCH, "l", "eq.gain", 3, 1, 0, 0, "dB", "250 Hz", "x", false, 0, 1000));
        return attempts;
    }

    @Test
    void theTallyCountsEachTruthLabelsRightAnswersForOneSkill() {
        var tally = ProgressStatistics.tallyByTruth(weakAtOneKilohertz(), "eq.frequency");
        assertThat(tally.get("1 kHz")).isEqualTo(new ProgressStatistics.LabelTally(10, 2));
        assertThat(tally.get("250 Hz")).isEqualTo(new ProgressStatistics.LabelTally(10, 10));
    }

    @Test
    void aWeakTargetComesUpAsOftenAsTheSmoothedErrorRatesSay() {
        TargetWeights weights = TargetWeights.fromAttempts(weakAtOneKilohertz(), "eq.frequency");
        // Laplace: (8 + 1) / (10 + 2) = 0.75 for 1 kHz, (0 + 1) / 12 for the others; half the draws uniform.
        double rateSum = 0.75 + 5 / 12.0;
        double expectedWeak = 0.5 / 6 + 0.5 * 0.75 / rateSum;
        double expectedOther = 0.5 / 6 + 0.5 * (1 / 12.0) / rateSum;
        double[] p = weights.probabilities(BANDS, Function.identity());
        assertThat(p[3]).isCloseTo(expectedWeak, within(1e-12));
        assertThat(p[0]).isCloseTo(expectedOther, within(1e-12));
        SplittableRandom random = new SplittableRandom(3);
        int draws = 6000;
        long weak = java.util.stream.IntStream.range(0, draws).filter(i -> weights.pick(BANDS, Function.identity(), random).equals("1 kHz"))
                .count();
        // Binomial standard error at 6000 draws is about 0.006: four of them either side.
        assertThat(weak / (double) draws).isCloseTo(expectedWeak, within(0.025));
        // More than twice as often as a uniform draw (1 in 6).
        assertThat(expectedWeak).isGreaterThan(2.0 / 6);
    }

    @Test
    void withoutHistoryAPickIsExactlyTheUnweightedDraw() {
        for (long seed = 0; seed < 200; seed++) {
            assertThat(TargetWeights.NONE.pick(BANDS, Function.identity(), new SplittableRandom(seed)))
                    .isEqualTo(BANDS.get(new SplittableRandom(seed).nextInt(BANDS.size())));
        }
    }

    @Test
    void generationWithoutWeightsGivesTheSameQuestionAsBeforeAndWeightsShiftTheBands() {
        DrillSpec drill = Drills.drill("eq-band", "noise/pink", "{bands: octave, lowHz: 125, highHz: 4000, excerptS: 2}",
                StaircaseSettings.linear(9, 9, 3, 1));
        TargetWeights weak = TargetWeights.fromAttempts(weakAtOneKilohertz(), "eq.frequency");
        int weakUnweighted = 0;
        int weakWeighted = 0;
        int questions = 30;
        for (long seed = 0; seed < questions; seed++) {
            Question plain = EqKinds.eqBand().generate("l", drill, 9, seed, audio);
            Question none = EqKinds.eqBand().generate("l", drill, 9, seed, audio, TargetWeights.NONE);
            assertThat(none.key().truth()).isEqualTo(plain.key().truth());
            assertThat(none.audio().get("processed").channel(0)).containsExactly(plain.audio().get("processed").channel(0));
            weakUnweighted += plain.key().truthLabel().equals("1 kHz") ? 1 : 0;
            weakWeighted += EqKinds.eqBand().generate("l", drill, 9, seed, audio, weak).key().truthLabel().equals("1 kHz") ? 1 : 0;
        }
        // Uniform: 1 in 6; weighted: about 0.47 — over 30 questions, clearly more.
        assertThat(weakWeighted).isGreaterThan(weakUnweighted + 4);
    }
}
