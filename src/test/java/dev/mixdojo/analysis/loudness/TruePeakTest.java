package dev.mixdojo.analysis.loudness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.analysis.Signals;
import org.junit.jupiter.api.Test;

class TruePeakTest {
    @Test
    void theEightTimesReadingIsTheOneTheLoudnessMeterReports() {
        float[] noise = Signals.pinkNoise(2, 48_000, 5);
        float[][] stereo = {noise, Signals.sine(9_000, -3, 2, 48_000, 0.4)};
        LoudnessMeter meter = new LoudnessMeter(48_000, 2, true);
        meter.accept(stereo, noise.length);
        assertThat(TruePeak.eightTimesDbtp(stereo, noise.length)).isEqualTo(meter.result().truePeakDbtp());
    }

    @Test
    void theEightTimesPeakNeverExceedsTheFourTimesOneByMoreThanTheStatedBound() {
        double worstDb = 0;
        for (int rateHz : new int[] {44_100, 48_000}) {
            // Sines from 1 kHz up to just below Nyquist at many phases: the 4× grid misses a peak by
            // the most for the highest frequencies, where the peak falls between its points.
            for (double hz = 1_000; hz < rateHz / 2.0 - 50; hz *= 1.07) {
                for (double phase = 0; phase < 1; phase += 0.125) {
                    float[] sine = Signals.sine(hz, -6, 0.05, rateHz, phase * Math.PI);
                    worstDb = Math.max(worstDb, excessDb(new float[][] {sine}));
                }
            }
            worstDb = Math.max(worstDb, excessDb(new float[][] {Signals.whiteNoise(-12, 1, rateHz, 3)}));
        }
        System.out.printf("8x true peak above the 4x reading: at most %.3f dB (bound %.1f dB)%n", worstDb,
                TruePeak.FOUR_TIMES_UNDER_READ_DB);
        assertThat(worstDb).isLessThanOrEqualTo(TruePeak.FOUR_TIMES_UNDER_READ_DB);
        // The sweep does reach cases where the 4× grid misses the peak.
        assertThat(worstDb).isGreaterThan(0.1);
    }

    private static double excessDb(float[][] channels) {
        int frames = channels[0].length;
        return TruePeak.eightTimesDbtp(channels, frames) - TruePeak.fourTimesDbtp(channels, frames);
    }
}
