package dev.mixdojo.ui.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.exercise.Quantity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueScaleTest {
    private final ValueScale frequency = new ValueScale(Quantity.FREQUENCY, 20, 20000, true);

    @Test
    void aLogAxisPutsEachOctaveTheSameDistanceApart() {
        // 20 Hz to 20 kHz is log2(1000) ≈ 9.97 octaves; every octave is a tenth of the axis, near enough.
        double octave = frequency.fraction(2000) - frequency.fraction(1000);
        assertThat(octave).isCloseTo(Math.log(2) / Math.log(1000), within(1e-12));
        assertThat(frequency.fraction(250) - frequency.fraction(125)).isCloseTo(octave, within(1e-12));
        assertThat(frequency.valueAt(frequency.fraction(1234))).isCloseTo(1234, within(1e-9));
        assertThat(frequency.fraction(5)).isZero();
    }

    @Test
    void frequencyTicksAreOneTwoFivePerDecadeInEngineersUnits() {
        assertThat(frequency.ticks()).containsExactly(20.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0, 10000.0, 20000.0);
        assertThat(frequency.tickLabel(2000)).isEqualTo("2 kHz");
    }

    @Test
    void panTicksReadLeftCentreRight() {
        ValueScale pan = new ValueScale(Quantity.PAN, -1, 1, false);
        assertThat(pan.ticks()).containsExactly(-1.0, -0.5, 0.0, 0.5, 1.0);
        assertThat(pan.ticks().stream().map(pan::tickLabel).toList()).containsExactly("L", "50 L", "C", "50 R", "R");
        assertThat(pan.start()).isZero();
        assertThat(pan.nudge(0, 3, false)).isCloseTo(0.15, within(1e-12));
    }

    @Test
    void gainTicksAreEveryFiveDecibelsAndStartAtNoChange() {
        ValueScale gain = new ValueScale(Quantity.GAIN_DB, -15, 15, false);
        assertThat(gain.ticks()).containsExactlyElementsOf(List.of(-15.0, -10.0, -5.0, 0.0, 5.0, 10.0, 15.0));
        assertThat(gain.start()).isZero();
        assertThat(gain.nudge(14, 1, true)).isEqualTo(15);
        assertThat(gain.tickLabel(5)).isEqualTo("+5 dB");
    }
}
