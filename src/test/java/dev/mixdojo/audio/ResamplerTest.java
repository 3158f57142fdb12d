package dev.mixdojo.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {
    @ParameterizedTest(name = "{0} Hz → {1} Hz")
    @CsvSource({"44100, 48000", "48000, 44100", "96000, 48000", "48000, 96000", "44100, 8000", "8000, 192000"})
    void aOneKilohertzSineComesOutWithAtLeast75DbSnr(int fromHz, int toHz) {
        AudioBuffer in = Signals.sine(1, 2 * fromHz, fromHz, 1000, 0.5);

        AudioBuffer out = Resampler.resample(in, toHz);

        double snrDb = Signals.sineSnrDb(out.channel(0), toHz, 1000);
        assertThat(snrDb).isGreaterThanOrEqualTo(75);
    }

    @ParameterizedTest(name = "{0} Hz at {1} Hz")
    @CsvSource({"100, 44100, 48000", "5000, 44100, 48000", "10000, 44100, 48000", "15000, 48000, 44100", "18000, 48000, 44100", "15000, 96000, 48000"})
    void tonesInTheAudibleBandKeepTheirLevelWithinATenthOfADecibel(double frequencyHz, int fromHz, int toHz) {
        AudioBuffer in = Signals.sine(1, fromHz, fromHz, frequencyHz, 0.5);

        AudioBuffer out = Resampler.resample(in, toHz);

        double gainDb = 20 * Math.log10(Signals.rmsAwayFromEdges(out.channel(0)) / Signals.rmsAwayFromEdges(in.channel(0)));
        assertThat(gainDb).isCloseTo(0, within(0.1));
    }

    @ParameterizedTest(name = "{0} Hz at {1} Hz → {2} Hz")
    @CsvSource({"30000, 96000, 48000", "25000, 96000, 48000", "40000, 96000, 44100", "23000, 48000, 44100"})
    void tonesAboveTheNewNyquistAreAttenuatedAtLeast60Db(double frequencyHz, int fromHz, int toHz) {
        AudioBuffer in = Signals.sine(1, fromHz, fromHz, frequencyHz, 0.5);

        AudioBuffer out = Resampler.resample(in, toHz);

        double attenuationDb = 20 * Math.log10(Signals.rmsAwayFromEdges(in.channel(0)) / Signals.rmsAwayFromEdges(out.channel(0)));
        assertThat(attenuationDb).isGreaterThanOrEqualTo(60);
    }

    @Test
    void theOutputHasTheDurationOfTheInput() {
        AudioBuffer in = Signals.sine(2, 44_100 + 37, 44100, 1000, 0.5);

        AudioBuffer out = Resampler.resample(in, 48000);

        assertThat(out.sampleRateHz()).isEqualTo(48000);
        assertThat(out.channelCount()).isEqualTo(2);
        assertThat((double) out.frames()).isCloseTo((44_100 + 37) * 48000 / 44100.0, within(0.5));
    }

    @Test
    void resamplingIsDeterministicAndTreatsChannelsIndependently() {
        AudioBuffer stereo = Signals.noise(2, 10_000, 44100, 0.5, 11);
        AudioBuffer leftOnly = new AudioBuffer(new float[][] {stereo.channel(0)}, 44100);

        AudioBuffer first = Resampler.resample(stereo, 48000);
        AudioBuffer second = Resampler.resample(stereo, 48000);
        AudioBuffer mono = Resampler.resample(leftOnly, 48000);

        assertThat(second.channel(0)).isEqualTo(first.channel(0));
        assertThat(second.channel(1)).isEqualTo(first.channel(1));
        assertThat(mono.channel(0)).isEqualTo(first.channel(0));
    }

    @ParameterizedTest(name = "blocks of {0}")
    @CsvSource({"1", "7", "1000", "65537"})
    void streamingInBlocksOfAnySizeGivesExactlyTheWholeBufferResult(int blockFrames) {
        AudioBuffer in = Signals.noise(2, 100_003, 48000, 0.5, 5);
        AudioBuffer whole = Resampler.resample(in, 44100);
        float[][] streamed = new float[2][whole.frames()];
        int[] written = {0};
        Resampler.Streaming streaming = Resampler.streaming(48000, 44100, 2, (block, frames) -> {
            for (int c = 0; c < 2; c++) {
                System.arraycopy(block[c], 0, streamed[c], written[0], frames);
            }
            written[0] += frames;
        });

        float[][] block = new float[2][blockFrames];
        for (int start = 0; start < in.frames(); start += blockFrames) {
            int count = Math.min(blockFrames, in.frames() - start);
            for (int c = 0; c < 2; c++) {
                System.arraycopy(in.channel(c), start, block[c], 0, count);
            }
            streaming.push(block, count);
        }
        streaming.finish();

        assertThat(written[0]).isEqualTo(whole.frames());
        assertThat(streamed[0]).isEqualTo(whole.channel(0));
        assertThat(streamed[1]).isEqualTo(whole.channel(1));
    }

    @Test
    void theSameRateGivesAnIndependentCopy() {
        AudioBuffer in = Signals.sine(1, 100, 48000, 1000, 0.5);

        AudioBuffer out = Resampler.resample(in, 48000);
        out.channel(0)[0] = 1;

        assertThat(out.channel(0)).hasSize(100);
        assertThat(in.channel(0)[0]).isZero();
    }

    @Test
    void anUnusualRatioWithManyPhasesStillMeetsTheSnr() {
        // 44100 → 47999 reduces to 47999/44100: too many phases to tabulate, so taps are computed per sample.
        AudioBuffer in = Signals.sine(1, 44100, 44100, 1000, 0.5);

        AudioBuffer out = Resampler.resample(in, 47999);

        assertThat(Signals.sineSnrDb(out.channel(0), 47999, 1000)).isGreaterThanOrEqualTo(75);
    }
}
