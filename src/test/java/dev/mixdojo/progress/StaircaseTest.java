package dev.mixdojo.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StaircaseTest {
    private final StaircaseSettings gainDb = StaircaseSettings.linear(12, 15, 0.5, 1);

    @Test
    void threeRightAnswersMakeTheNextQuestionHarderAndOneWrongMakesItEasier() {
        Staircase s = Staircase.start(gainDb).next(true).next(true);
        assertThat(s.level()).isEqualTo(12);
        s = s.next(true);
        assertThat(s.level()).isEqualTo(10); // initial step is doubled
        s = s.next(false);
        assertThat(s.level()).isEqualTo(12);
        assertThat(s.reversalLevels()).containsExactly(10.0);
    }

    @Test
    void levelsStayWithinTheRange() {
        Staircase s = Staircase.start(gainDb);
        for (int i = 0; i < 100; i++) {
            s = s.next(true);
        }
        assertThat(s.level()).isEqualTo(0.5);
        for (int i = 0; i < 100; i++) {
            s = s.next(false);
        }
        assertThat(s.level()).isEqualTo(15);
    }

    @Test
    void noThresholdBeforeFourReversals() {
        Staircase s = Staircase.start(gainDb).next(true).next(true).next(true).next(false);
        assertThat(s.threshold()).isEmpty();
    }

    @Test
    void aFixedAnswerSequenceReplaysToTheSameState() {
        boolean[] answers = {true, true, true, false, true, true, true, true, true, true, false, false, true};
        Staircase a = Staircase.start(gainDb);
        Staircase b = Staircase.start(gainDb);
        for (boolean answer : answers) {
            a = a.next(answer);
            b = b.next(answer);
        }
        assertThat(a).isEqualTo(b);
        // 12 →(3 right) 10 →(wrong) 12 →(3 right, small steps now) 11 → 10 →(wrong) 11 →(wrong) 12
        assertThat(a.level()).isEqualTo(12);
        assertThat(a.reversalLevels()).containsExactly(10.0, 12.0, 10.0);
    }

    /**
     * Levitt (1971): a 3-down/1-up rule converges on the level answered right 79.4 % of the time.
     * A simulated listener with a logistic psychometric function (midpoint 4 dB, slope 1 dB) has
     * its 79.4 % point at 4 + ln(0.794/0.206) = 5.35 dB.
     */
    @Test
    void threeDownOneUpConvergesOnTheSeventyNinePercentPoint() {
        double midpointDb = 4;
        double slopeDb = 1;
        double theory = midpointDb + slopeDb * Math.log(0.7937 / (1 - 0.7937));
        StaircaseSettings settings = StaircaseSettings.linear(12, 15, 0.25, 0.25).withInitialStep(1).withReversalsForThreshold(8);
        SplittableRandom listener = new SplittableRandom(1971);
        double sum = 0;
        int runs = 300;
        for (int run = 0; run < runs; run++) {
            Staircase s = Staircase.start(settings);
            for (int trial = 0; trial < 120; trial++) {
                double pCorrect = 1 / (1 + Math.exp(-(s.level() - midpointDb) / slopeDb));
                s = s.next(listener.nextDouble() < pCorrect);
            }
            sum += s.threshold().orElseThrow().value();
        }
        assertThat(sum / runs).isCloseTo(theory, within(0.25));
    }

    @Test
    void theConfidenceIntervalContainsTheThresholdAndNarrowsWithConsistentReversals() {
        Staircase s = Staircase.start(gainDb);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            s = s.next(random.nextDouble() < 1 / (1 + Math.exp(-(s.level() - 6))));
        }
        Threshold t = s.threshold().orElseThrow();
        assertThat(t.lower95()).isLessThan(t.value());
        assertThat(t.upper95()).isGreaterThan(t.value());
        assertThat(t.reversals()).isEqualTo(6);
    }

    @Test
    void aLogarithmicStaircaseMovesByRatiosAndAveragesGeometrically() {
        StaircaseSettings octaves = StaircaseSettings.logarithmic(1.0, 2.0, 1.0 / 16, 2);
        Staircase s = Staircase.start(octaves).next(true).next(true).next(true);
        assertThat(s.level()).isEqualTo(0.25); // initial step is squared: 1 / 4
        s = s.next(false);
        assertThat(s.level()).isEqualTo(1.0);
    }
}
