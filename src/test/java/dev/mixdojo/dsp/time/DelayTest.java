package dev.mixdojo.dsp.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.mixdojo.dsp.Signals;
import dev.mixdojo.dsp.automation.Param;
import org.junit.jupiter.api.Test;

class DelayTest {
    private static final int FS = 48000;

    private static int firstNonZero(float[] x, int from) {
        for (int i = from; i < x.length; i++) {
            if (Math.abs(x[i]) > 1e-6) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void anImpulseComesOutExactlyRoundOfTimeTimesRateSamplesLater() {
        for (double timeMs : new double[] {1, 10.01, 123.456, 375, 999.99}) {
            var delay = Signals.prepared(DelaySettings.of(timeMs, 0, 1).create(), 2 * FS, 1);
            float[] x = new float[2 * FS];
            x[0] = 1;
            Signals.run(delay, new float[][] {x});
            int expected = (int) Math.round(timeMs * FS / 1000);
            assertThat(firstNonZero(x, 0)).as("%s ms", timeMs).isEqualTo(expected);
            assertThat(x[expected]).isEqualTo(1f);
        }
    }

    @Test
    void aDottedEighthAtOneHundredTwentyBeatsPerMinuteIsThreeHundredSeventyFiveMilliseconds() {
        assertThat(NoteValue.parse("1/8.").lengthMs(120)).isEqualTo(375);
        assertThat(NoteValue.parse("1/4t").lengthMs(120)).isCloseTo(333.333, offset(1e-3));
        assertThat(NoteValue.parse("1/16").lengthMs(100)).isEqualTo(150);
    }

    @Test
    void feedbackRepeatsDecayByTheFeedbackAndPingPongAlternatesSides() {
        DelaySettings settings = new DelaySettings(Param.of(100), null, 0, Param.of(0.5), Param.of(1), true, 0, 0);
        var delay = Signals.prepared(settings.create(), FS, 2);
        float[] left = new float[FS];
        float[] right = new float[FS];
        left[0] = 1;
        right[0] = 1;
        Signals.run(delay, new float[][] {left, right});
        int d = 4800;
        assertThat(left[d]).isEqualTo(1f);
        assertThat(right[d]).isZero();
        assertThat(right[2 * d]).isEqualTo(0.5f);
        assertThat(left[2 * d]).isZero();
        assertThat(left[3 * d]).isEqualTo(0.25f);
    }

    @Test
    void aHighCutInTheLoopDarkensEachRepeatButNotTheFirstEcho() {
        DelaySettings settings = new DelaySettings(Param.of(50), null, 0, Param.of(0.9), Param.of(1), false, 0, 2000);
        var delay = Signals.prepared(settings.create(), FS, 1);
        float[] x = new float[FS];
        x[0] = 1;
        Signals.run(delay, new float[][] {x});
        assertThat(x[2400]).isEqualTo(1f);
        assertThat(x[4800]).isLessThan(0.9f * 0.5f); // the second echo is smeared by the low-pass
    }
}
