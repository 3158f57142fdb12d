package dev.mixdojo.ui.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.audio.AudioBuffer;
import org.junit.jupiter.api.Test;

/** The meters against BS.1770's calibration tone, the peak formula and the correlation's definition. */
class MeterReadingTest {

    /** A 997 Hz sine of {@code amplitude} for {@code seconds}, right channel times {@code rightSign}. */
    private static AudioBuffer sine(double amplitude, double seconds, int rightSign) {
        int frames = (int) (seconds * 48_000);
        float[][] channels = new float[2][frames];
        for (int i = 0; i < frames; i++) {
            channels[0][i] = (float) (amplitude * Math.sin(2 * Math.PI * 997 * i / 48_000.0));
            channels[1][i] = rightSign * channels[0][i];
        }
        return new AudioBuffer(channels, 48_000);
    }

    @Test
    void aHalfScaleSineOnBothChannelsReadsMinusSixLufsAndMinusSixDbfsPeak() {
        // BS.1770: a 0 dBFS 997 Hz sine on one channel reads −3.01 LKFS; on two channels 0 LUFS; half scale −6.02.
        MeterReading reading = MeterReading.measure(sine(0.5, 4, 1), 3.5);
        double expected = 20 * Math.log10(0.5);
        assertThat(reading.momentaryLufs()).isCloseTo(expected, within(0.1));
        assertThat(reading.shortTermLufs()).isCloseTo(expected, within(0.1));
        assertThat(reading.peakDbfs()).isCloseTo(expected, within(0.01));
        assertThat(reading.correlation()).isCloseTo(1, within(1e-6));
    }

    @Test
    void aSpectrumPeaksInTheThirdOctaveBandAroundTheTone() {
        MeterReading reading = MeterReading.measure(sine(0.5, 1, 1), 1.0);
        double[] levels = reading.bandLevelsDb();
        int loudest = 0;
        for (int i = 1; i < levels.length; i++) {
            if (levels[i] > levels[loudest]) {
                loudest = i;
            }
        }
        assertThat(reading.bandCentresHz()[loudest]).isCloseTo(1000, within(1.0));
        // A sine's power is A²/2 per channel: two channels of 0.5 give 0.25, i.e. −6.02 dB in its band.
        assertThat(levels[loudest]).isCloseTo(10 * Math.log10(0.25), within(1.0));
    }

    @Test
    void anInvertedRightChannelReadsMinusOneCorrelation() {
        assertThat(MeterReading.measure(sine(0.3, 1, -1), 0.8).correlation()).isCloseTo(-1, within(1e-6));
    }

    @Test
    void beforeThreeSecondsHavePlayedThereIsNoShortTermLoudness() {
        MeterReading reading = MeterReading.measure(sine(0.5, 4, 1), 1.0);
        assertThat(reading.shortTermLufs()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(reading.momentaryLufs()).isCloseTo(20 * Math.log10(0.5), within(0.1));
    }
}
