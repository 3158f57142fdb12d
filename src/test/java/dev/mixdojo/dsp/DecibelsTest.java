package dev.mixdojo.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DecibelsTest {
    @Test
    void theTableLogarithmAgreesWithMathLog10WithinANanodecibel() {
        Random random = new Random(5);
        for (int i = 0; i < 100_000; i++) {
            double gain = Math.pow(10, -15 + 17 * random.nextDouble());
            assertThat(Decibels.fromGain(gain)).isCloseTo(20 * Math.log10(gain), offset(1e-9));
        }
        assertThat(Decibels.fromGain(1)).isZero();
        assertThat(Decibels.fromGain(0.5)).isCloseTo(-6.0206, offset(1e-4));
    }

    @Test
    void theTableExponentialAgreesWithMathPowWithinOnePartInTenBillion() {
        Random random = new Random(6);
        for (int i = 0; i < 100_000; i++) {
            double db = -300 + 330 * random.nextDouble();
            double expected = Math.pow(10, db / 20);
            assertThat(Decibels.toGain(db)).isCloseTo(expected, offset(expected * 1e-10));
        }
        assertThat(Decibels.toGain(0)).isEqualTo(1);
        assertThat(Decibels.toGain(-1e9)).isZero();
    }

    @Test
    void toGainInvertsFromGain() {
        assertThat(Decibels.toGain(-6.0206)).isCloseTo(0.5, offset(1e-5));
        assertThat(Decibels.toGain(Decibels.fromGain(0.123))).isCloseTo(0.123, offset(1e-12));
    }
}
