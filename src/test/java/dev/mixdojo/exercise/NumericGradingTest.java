package dev.mixdojo.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.exercise.NumericGrading.Sign;
import org.junit.jupiter.api.Test;

class NumericGradingTest {
    private final NumericGrading thirdOctave = new NumericGrading(Quantity.FREQUENCY, 1.0 / 6, 2, Sign.IGNORED);
    private final NumericGrading gain = new NumericGrading(Quantity.GAIN_DB, 1, 6, Sign.MATTERS);

    @Test
    void anOctaveHighIsSaidInOctavesWithPartialCredit() {
        Grade grade = thirdOctave.grade(1000, 2000);
        assertThat(grade.feedback()).isEqualTo("You said 2 kHz; it was 1 kHz — 1 octave high.");
        assertThat(grade.error()).isCloseTo(1.0, within(1e-12));
        assertThat(grade.unit()).isEqualTo("oct");
        assertThat(grade.correct()).isFalse();
        // 1 octave off with full credit to 1/6 and none at 2: 1 - (1 - 1/6) / (2 - 1/6)
        assertThat(grade.score()).isCloseTo(1 - (5.0 / 6) / (11.0 / 6), within(1e-12));
    }

    @Test
    void anErrorThatRoundsToOneOctaveIsSaidAsOneOctave() {
        // A slider answer a hair off 2 kHz, and an octave computed through logarithms, both write "1 octave".
        assertThat(Quantity.FREQUENCY.describeError(1.02)).isEqualTo("1 octave high");
        assertThat(Quantity.FREQUENCY.describeError(-0.98)).isEqualTo("1 octave low");
        assertThat(thirdOctave.grade(1000, 2010).feedback()).isEqualTo("You said 2 kHz; it was 1 kHz — 1 octave high.");
        assertThat(Quantity.FREQUENCY.describeError(1.96)).isEqualTo("2 octaves high");
        assertThat(Quantity.FREQUENCY.describeError(1.5)).isEqualTo("1.5 octaves high");
        assertThat(Quantity.GAIN_DB.describeError(2.98)).isEqualTo("3 dB too high");
    }

    @Test
    void anAnswerWithinToleranceIsRightWithFullCredit() {
        Grade grade = thirdOctave.grade(1000, 1100);
        assertThat(grade.correct()).isTrue();
        assertThat(grade.score()).isEqualTo(1.0);
        assertThat(grade.feedback()).isEqualTo("You said 1.1 kHz; it was 1 kHz — 0.1 octaves high.");
    }

    @Test
    void creditFallsAsTheErrorGrows() {
        assertThat(thirdOctave.grade(1000, 1500).score()).isGreaterThan(thirdOctave.grade(1000, 2500).score());
        assertThat(thirdOctave.grade(1000, 8000).score()).isZero();
    }

    @Test
    void callingABoostACutCostsMoreThanTheSameDistanceOnTheRightSide() {
        Grade wrongSign = gain.grade(2, -1);
        Grade rightSign = gain.grade(2, 5);
        assertThat(wrongSign.error()).isEqualTo(-3);
        assertThat(rightSign.error()).isEqualTo(3);
        assertThat(wrongSign.score()).isLessThan(rightSign.score()).isLessThanOrEqualTo(0.25);
        assertThat(wrongSign.feedback()).isEqualTo("You said -1 dB; it was +2 dB — 3 dB too low, and the other direction.");
    }

    @Test
    void valuesAreWrittenTheWayEngineersSayThem() {
        assertThat(Quantity.FREQUENCY.format(80)).isEqualTo("80 Hz");
        assertThat(Quantity.FREQUENCY.format(2500)).isEqualTo("2.5 kHz");
        assertThat(Quantity.PAN.format(-0.3)).isEqualTo("30% left");
        assertThat(Quantity.PAN.format(0)).isEqualTo("centre");
        assertThat(Quantity.RATIO.format(4)).isEqualTo("4:1");
        assertThat(Quantity.GAIN_DB.format(6)).isEqualTo("+6 dB");
        assertThat(Quantity.PAN.describeError(-0.2 * 100)).isEqualTo("20% too far left");
        // Whole percentages, as the positions beside them are written: "35% left", "15%", never "15.0%".
        assertThat(new NumericGrading(Quantity.PAN, 5, 40, Sign.MATTERS).grade(-0.5, -0.3496).feedback())
                .isEqualTo("You said 35% left; it was 50% left — 15% too far right.");
    }
}
