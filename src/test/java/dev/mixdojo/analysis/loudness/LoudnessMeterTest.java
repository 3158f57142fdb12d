package dev.mixdojo.analysis.loudness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.analysis.Signals;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoudnessMeterTest {
    private static LoudnessResult measure(float[][] channels, int rate, int blockFrames) {
        LoudnessMeter meter = new LoudnessMeter(rate, channels.length, true);
        Signals.stream(channels, blockFrames, meter::accept);
        return meter.result();
    }

    @Test
    void aMonoToneReadsThreeDecibelsBelowTheSameToneOnBothChannels() {
        float[] tone = Signals.tone(-20, 5, 48000);
        LoudnessResult mono = measure(new float[][] {tone}, 48000, 4096);
        LoudnessResult stereo = measure(Signals.inPhase(tone, 2), 48000, 4096);
        assertThat(mono.measuredAsMono()).isTrue();
        assertThat(stereo.measuredAsMono()).isFalse();
        assertThat(stereo.integratedLufs() - mono.integratedLufs()).isCloseTo(3.0103, within(0.001));
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {22050, 44100, 96000, 192000, 44056})
    void theSameToneReadsTheSameLoudnessAtAnySampleRate(int rate) {
        LoudnessResult r = measure(Signals.inPhase(Signals.tone(-23, 6, rate), 2), rate, 1000);
        assertThat(r.integratedLufs()).isCloseTo(-23, within(0.05));
        assertThat(r.maxMomentaryLufs()).isCloseTo(-23, within(0.05));
        assertThat(new LoudnessMeter(rate, 2, false).gridStepS()).isLessThanOrEqualTo(0.0101);
    }

    @Test
    void blockSizeDoesNotChangeAnyResult() {
        float[] noise = Signals.pinkNoise(8, 48000, 7);
        float[][] stereo = {noise, Signals.whiteNoise(-30, 8, 48000, 8)};
        LoudnessResult a = measure(stereo, 48000, 4096);
        LoudnessResult b = measure(stereo, 48000, 333);
        assertThat(b.integratedLufs()).isCloseTo(a.integratedLufs(), within(1e-9));
        assertThat(b.loudnessRangeLu()).isCloseTo(a.loudnessRangeLu(), within(1e-9));
        assertThat(b.truePeakDbtp()).isCloseTo(a.truePeakDbtp(), within(1e-6));
        assertThat(b.momentaryLufs().toArray()).containsExactly(a.momentaryLufs().toArray());
    }

    @Test
    void truePeakUnderReadsASineByLessThanTwoTenthsOfADecibelUpTo20Kilohertz() {
        Random random = new Random(3);
        for (double f = 1000; f <= 20000; f += 1370) {
            float[] sine = Signals.faded(Signals.sine(f, -3, 0.2, 48000, random.nextDouble() * 2 * Math.PI), 0.02, 48000);
            double tp = measure(new float[][] {sine}, 48000, 4096).truePeakDbtp();
            assertThat(tp).as("%s Hz", f).isBetween(-3.2, -2.95);
        }
    }

    @Test
    void silenceHasNoLoudnessAndNoPeak() {
        LoudnessResult r = measure(new float[2][48000 * 2], 48000, 4096);
        assertThat(r.integratedLufs()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(r.truePeakDbtp()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(r.loudnessRangeLu()).isNaN();
    }

    @Test
    void aClipShorterThanOneBlockHasAMomentaryButNoIntegratedLoudness() {
        LoudnessResult r = measure(Signals.inPhase(Signals.tone(-20, 0.2, 48000), 2), 48000, 4096);
        assertThat(r.integratedLufs()).isEqualTo(Double.NEGATIVE_INFINITY);
        // 200 ms of tone in a 400 ms window padded with silence reads 3 dB low.
        assertThat(r.maxMomentaryLufs()).isCloseTo(-23, within(0.1));
    }

    @Test
    void nineChannelsAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> new LoudnessMeter(48000, 9, false)).hasMessageContaining("1 to 8 channels");
    }
}
