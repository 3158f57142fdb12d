package dev.mixdojo.analysis.loudness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.analysis.Levels;
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

    @Test
    void piecesThatCannotRaiseAPeakAreSkippedWithoutChangingAnyResult() {
        // Music-like: pink noise swelling and fading (so many pieces sit far below their 100 ms
        // step's peak and many do not), clicks, a quiet right channel; 6.37 s, fed in blocks that
        // do not line up with the 100 ms steps.
        int rateHz = 48_000;
        float[] left = Signals.pinkNoise(6.37, rateHz, 11);
        float[] right = Signals.pinkNoise(6.37, rateHz, 12);
        for (int i = 0; i < left.length; i++) {
            double swell = Math.pow(Math.sin(Math.PI * i / 9_000.0), 6);
            left[i] *= (float) (0.9 * swell);
            right[i] *= (float) (0.2 * (1 - swell));
        }
        for (int i = 700; i < left.length; i += 13_331) {
            left[i] = 0.97f;
            left[i + 1] = -0.97f;
        }
        float[][] stereo = {left, right};
        LoudnessMeter meter = new LoudnessMeter(rateHz, 2, true);
        Signals.stream(stereo, 3_001, meter::accept);
        LoudnessResult result = meter.result();

        float[][] envelopes = {bruteForceEnvelope(left), bruteForceEnvelope(right)};
        int hopFrames = rateHz / 10;
        float[] hopPeaks = new float[(left.length + hopFrames - 1) / hopFrames];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < envelopes[c].length; i++) {
                // The filter's tail after the last sample belongs to the last step.
                int hop = Math.min(i / hopFrames, hopPeaks.length - 1);
                hopPeaks[hop] = Math.max(hopPeaks[hop], envelopes[c][i]);
            }
        }
        assertThat(result.peakDbtp().toArray()).hasSize(hopPeaks.length);
        for (int h = 0; h < hopPeaks.length; h++) {
            assertThat(result.peakDbtp().valueAt(h)).as("step %d", h).isEqualTo((double) (float) Levels.amplitudeToDb(hopPeaks[h]));
        }
        for (int c = 0; c < 2; c++) {
            assertThat(result.channelTruePeaksDbtp().get(c)).isEqualTo(Levels.amplitudeToDb(max(envelopes[c])));
        }
        // The skip did happen, so the equalities above tested it.
        assertThat(meter.truePeakFramesInterpolated()).isLessThan(left.length);
        assertThat(TruePeak.eightTimesDbtp(stereo, left.length))
                .isEqualTo(Levels.amplitudeToDb(Math.max(max(envelopes[0]), max(envelopes[1]))));
    }

    /**
     * Per frame, the largest of |sample| and the magnitudes of the seven interpolated values
     * computed from it and the 15 samples before it (after the last sample, from the zeros that
     * flush the filter), each summed in float in tap order as the meter does, never skipped.
     */
    private static float[] bruteForceEnvelope(float[] x) {
        float[][] phases = TruePeakMeter.designPhases();
        int taps = TruePeakMeter.TAPS_PER_PHASE;
        float[] padded = new float[x.length + 2 * taps];
        System.arraycopy(x, 0, padded, taps - 1, x.length);
        float[] envelope = new float[x.length + taps];
        for (int i = 0; i < envelope.length; i++) {
            float largest = i < x.length ? Math.abs(x[i]) : 0;
            for (float[] phase : phases) {
                float sum = 0;
                for (int j = 0; j < taps; j++) {
                    sum += phase[j] * padded[i + j];
                }
                largest = Math.max(largest, Math.abs(sum));
            }
            envelope[i] = largest;
        }
        return envelope;
    }

    private static float max(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static double excessDb(float[][] channels) {
        int frames = channels[0].length;
        return TruePeak.eightTimesDbtp(channels, frames) - TruePeak.fourTimesDbtp(channels, frames);
    }
}
