package dev.mixdojo.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {
    /** Frames skipped at each end, well past the filter's half-length, before measuring. */
    private static final int EDGE_FRAMES = 2000;

    @ParameterizedTest(name = "{0} Hz → {1} Hz")
    @CsvSource({"44100, 48000", "48000, 44100", "96000, 48000", "48000, 96000", "44100, 8000", "8000, 192000"})
    void aOneKilohertzSineComesOutWithAtLeast75DbSnr(int fromHz, int toHz) {
        AudioBuffer in = Signals.sine(1, 2 * fromHz, fromHz, 1000, 0.5);

        AudioBuffer out = Resampler.resample(in, toHz);

        double snrDb = sineSnrDb(out.channel(0), toHz, 1000);
        assertThat(snrDb).isGreaterThanOrEqualTo(75);
    }

    @ParameterizedTest(name = "{0} Hz at {1} Hz")
    @CsvSource({"100, 44100, 48000", "5000, 44100, 48000", "10000, 44100, 48000", "15000, 48000, 44100", "18000, 48000, 44100", "15000, 96000, 48000"})
    void tonesInTheAudibleBandKeepTheirLevelWithinATenthOfADecibel(double frequencyHz, int fromHz, int toHz) {
        AudioBuffer in = Signals.sine(1, fromHz, fromHz, frequencyHz, 0.5);

        AudioBuffer out = Resampler.resample(in, toHz);

        double gainDb = 20 * Math.log10(rms(out.channel(0)) / rms(in.channel(0)));
        assertThat(gainDb).isCloseTo(0, within(0.1));
    }

    @ParameterizedTest(name = "{0} Hz at {1} Hz → {2} Hz")
    @CsvSource({"30000, 96000, 48000", "25000, 96000, 48000", "40000, 96000, 44100", "23000, 48000, 44100"})
    void tonesAboveTheNewNyquistAreAttenuatedAtLeast60Db(double frequencyHz, int fromHz, int toHz) {
        AudioBuffer in = Signals.sine(1, fromHz, fromHz, frequencyHz, 0.5);

        AudioBuffer out = Resampler.resample(in, toHz);

        double attenuationDb = 20 * Math.log10(rms(in.channel(0)) / rms(out.channel(0)));
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

        assertThat(second.channel(0)).containsExactly(first.channel(0));
        assertThat(second.channel(1)).containsExactly(first.channel(1));
        assertThat(mono.channel(0)).containsExactly(first.channel(0));
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

        assertThat(sineSnrDb(out.channel(0), 47999, 1000)).isGreaterThanOrEqualTo(75);
    }

    /**
     * Signal-to-noise ratio of a sine of known frequency: least-squares fit of a·sin + b·cos + c
     * over the frames away from the edges, then fitted power over residual power.
     */
    static double sineSnrDb(float[] samples, int rateHz, double frequencyHz) {
        double w = 2 * Math.PI * frequencyHz / rateHz;
        double[][] ata = new double[3][3];
        double[] aty = new double[3];
        for (int n = EDGE_FRAMES; n < samples.length - EDGE_FRAMES; n++) {
            double[] row = {Math.sin(w * n), Math.cos(w * n), 1};
            for (int i = 0; i < 3; i++) {
                aty[i] += row[i] * samples[n];
                for (int j = 0; j < 3; j++) {
                    ata[i][j] += row[i] * row[j];
                }
            }
        }
        double[] x = solve3(ata, aty);
        double signal = 0;
        double noise = 0;
        for (int n = EDGE_FRAMES; n < samples.length - EDGE_FRAMES; n++) {
            double fit = x[0] * Math.sin(w * n) + x[1] * Math.cos(w * n) + x[2];
            signal += fit * fit;
            noise += (samples[n] - fit) * (samples[n] - fit);
        }
        return 10 * Math.log10(signal / noise);
    }

    /** Cramer's rule for the 3×3 normal equations. */
    private static double[] solve3(double[][] a, double[] b) {
        double det = det3(a);
        double[] x = new double[3];
        for (int k = 0; k < 3; k++) {
            double[][] m = new double[3][];
            for (int i = 0; i < 3; i++) {
                m[i] = a[i].clone();
                m[i][k] = b[i];
            }
            x[k] = det3(m) / det;
        }
        return x;
    }

    private static double det3(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    /** RMS away from the edges. */
    static double rms(float[] samples) {
        double sum = 0;
        int count = 0;
        for (int n = EDGE_FRAMES; n < samples.length - EDGE_FRAMES; n++) {
            sum += samples[n] * (double) samples[n];
            count++;
        }
        return Math.sqrt(sum / count);
    }
}
