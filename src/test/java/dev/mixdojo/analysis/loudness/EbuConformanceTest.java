package dev.mixdojo.analysis.loudness;

import static dev.mixdojo.analysis.Signals.concat;
import static dev.mixdojo.analysis.Signals.inPhase;
import static dev.mixdojo.analysis.Signals.silence;
import static dev.mixdojo.analysis.Signals.tone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.analysis.Signals;
import dev.mixdojo.analysis.TimeSeries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * EBU Tech 3341 (V3, 2016) cases 1–6 and 9–23 and Tech 3342 cases 1–4, synthesised at 48 kHz from
 * their descriptions: 1 kHz tones, in phase on both channels, levels as per-channel peak dBFS.
 * Tolerances are the published ones: ±0.1 LU, true peak +0.2/−0.4 dB, LRA ±1 LU.
 */
class EbuConformanceTest {
    private static final int RATE = 48000;

    static LoudnessResult measure(float[][] channels) {
        LoudnessMeter meter = new LoudnessMeter(RATE, channels.length, true);
        Signals.stream(channels, 4000, meter::accept);
        return meter.result();
    }

    static LoudnessResult measureStereo(float[] mono) {
        return measure(inPhase(mono, 2));
    }

    @ParameterizedTest(name = "Tech 3341 case {0}")
    @CsvSource({"1, -23", "2, -33"})
    void cases1And2ReadTheToneLevelAsMomentaryShortTermAndIntegrated(int ignoredCase, double levelDbfs) {
        LoudnessResult r = measureStereo(tone(levelDbfs, 20, RATE));
        assertThat(r.integratedLufs()).isCloseTo(levelDbfs, within(0.1));
        assertThat(r.maxMomentaryLufs()).isCloseTo(levelDbfs, within(0.1));
        assertThat(r.maxShortTermLufs()).isCloseTo(levelDbfs, within(0.1));
        TimeSeries m = r.momentaryLufs();
        assertThat(m.valueAt(m.size() / 2)).isCloseTo(levelDbfs, within(0.1));
    }

    @Test
    void case3RelativeGateIgnoresTheQuietEnds() {
        LoudnessResult r = measureStereo(concat(tone(-36, 10, RATE), tone(-23, 60, RATE), tone(-36, 10, RATE)));
        assertThat(r.integratedLufs()).isCloseTo(-23, within(0.1));
    }

    @Test
    void case4BothGatesIgnoreTheQuietAndSilentEnds() {
        LoudnessResult r = measureStereo(concat(tone(-72, 10, RATE), tone(-36, 10, RATE), tone(-23, 60, RATE),
                tone(-36, 10, RATE), tone(-72, 10, RATE)));
        assertThat(r.integratedLufs()).isCloseTo(-23, within(0.1));
    }

    @Test
    void case5PowerIsAveragedNotLevels() {
        LoudnessResult r = measureStereo(concat(tone(-26, 20, RATE), tone(-20, 20.1, RATE), tone(-26, 20, RATE)));
        assertThat(r.integratedLufs()).isCloseTo(-23, within(0.1));
    }

    @Test
    void case6FiveChannelsWeighTheSurroundsByOnePointFourOne() {
        float[][] channels = {tone(-28, 20, RATE), tone(-28, 20, RATE), tone(-24, 20, RATE),
                tone(-30, 20, RATE), tone(-30, 20, RATE)};
        assertThat(measure(channels).integratedLufs()).isCloseTo(-23, within(0.1));
    }

    @Test
    void case6WithASilentLfeChannelInSmpteOrderReadsTheSame() {
        float[][] channels = {tone(-28, 20, RATE), tone(-28, 20, RATE), tone(-24, 20, RATE),
                tone(-10, 20, RATE), tone(-30, 20, RATE), tone(-30, 20, RATE)};
        // A loud LFE must not count: BS.1770 excludes it.
        assertThat(measure(channels).integratedLufs()).isCloseTo(-23, within(0.1));
    }

    @Test
    void case9ShortTermIsConstantAfterThreeSeconds() {
        float[][] periods = new float[7][];
        for (int i = 0; i < periods.length; i++) {
            periods[i] = concat(tone(-20, 1.34, RATE), tone(-30, 1.66, RATE));
        }
        TimeSeries s = measureStereo(concat(periods)).shortTermLufs();
        assertThat(s.size()).isGreaterThan(1000);
        for (int i = 0; i < s.size(); i++) {
            assertThat(s.valueAt(i)).as("short-term at %.2f s", s.timeAt(i)).isCloseTo(-23, within(0.1));
        }
    }

    @ParameterizedTest(name = "Tech 3341 case 10, burst starting {0} ms after a 100 ms boundary")
    @ValueSource(ints = {0, 13, 27, 41, 55, 69, 83, 97})
    void case10MaxShortTermOfAThreeSecondBurstIsItsLevelWhateverItsOffset(int offsetMs) {
        float[] signal = concat(silence(1 + offsetMs / 1000.0, RATE), tone(-23, 3, RATE), silence(1, RATE));
        assertThat(measureStereo(signal).maxShortTermLufs()).isCloseTo(-23, within(0.1));
    }

    @Test
    void case11SuccessiveBurstsReadSuccessiveMaxShortTermLevels() {
        float[][] parts = new float[20][];
        for (int k = 0; k < 20; k++) {
            parts[k] = concat(silence(3.5 + 0.0173 * k, RATE), tone(-38 + k, 3, RATE));
        }
        LoudnessResult r = measureStereo(concat(concat(parts), silence(1, RATE)));
        TimeSeries s = r.shortTermLufs();
        double t = 0;
        for (int k = 0; k < 20; k++) {
            double segmentStart = t;
            t += 3.5 + 0.0173 * k + 3;
            assertThat(maxBetween(s, segmentStart, t + 0.5)).as("burst %d", k).isCloseTo(-38 + k, within(0.1));
        }
    }

    @Test
    void case12MomentaryIsConstantAfterOneSecond() {
        float[][] periods = new float[50][];
        for (int i = 0; i < periods.length; i++) {
            periods[i] = concat(tone(-20, 0.18, RATE), tone(-30, 0.22, RATE));
        }
        TimeSeries m = measureStereo(concat(periods)).momentaryLufs();
        for (int i = 0; i < m.size(); i++) {
            if (m.timeAt(i) >= 1.0) {
                assertThat(m.valueAt(i)).as("momentary at %.2f s", m.timeAt(i)).isCloseTo(-23, within(0.1));
            }
        }
    }

    @ParameterizedTest(name = "Tech 3341 case 13, burst starting {0} ms after a 100 ms boundary")
    @ValueSource(ints = {0, 5, 17, 29, 33, 46, 58, 61, 74, 89, 95})
    void case13MaxMomentaryOfA400MsBurstIsItsLevelWhateverItsOffset(int offsetMs) {
        float[] signal = concat(silence(0.5 + offsetMs / 1000.0, RATE), tone(-23, 0.4, RATE), silence(0.5, RATE));
        assertThat(measureStereo(signal).maxMomentaryLufs()).isCloseTo(-23, within(0.1));
    }

    @Test
    void case14SuccessiveBurstsReadSuccessiveMaxMomentaryLevels() {
        float[][] parts = new float[20][];
        for (int k = 0; k < 20; k++) {
            parts[k] = concat(silence(0.6 + 0.0071 * k, RATE), tone(-38 + k, 0.4, RATE));
        }
        TimeSeries m = measureStereo(concat(concat(parts), silence(0.5, RATE))).momentaryLufs();
        double t = 0;
        for (int k = 0; k < 20; k++) {
            double segmentStart = t;
            t += 0.6 + 0.0071 * k + 0.4;
            assertThat(maxBetween(m, segmentStart, t + 0.3)).as("burst %d", k).isCloseTo(-38 + k, within(0.1));
        }
    }

    @ParameterizedTest(name = "Tech 3341 case {0}: fs/{1}, peak {2} dBFS, phase {3}°")
    @CsvSource({
        "15, 4, -6.0206, 0",
        "16, 4, -6.0206, 45",
        "17, 6, -6.0206, 60",
        "18, 8, -6.0206, 67.5",
        "19, 4, 3.0103, 45"})
    void cases15To19TrueSinePeaksAreFoundBetweenSamples(int ignoredCase, int divisor, double peakDbfs, double phaseDeg) {
        // A 20 ms fade in and out: an abrupt start would add a step whose ringing is a real (and larger) true peak.
        float[] signal = Signals.faded(Signals.sine(RATE / (double) divisor, peakDbfs, 1, RATE, Math.toRadians(phaseDeg)), 0.02, RATE);
        double expected = peakDbfs > 0 ? 3.0 : -6.0;
        assertThat(measureStereo(signal).truePeakDbtp()).isBetween(expected - 0.4, expected + 0.2);
    }

    /**
     * Cases 20–23 check inter-sample peaks at four sub-sample offsets with expected 0.0 dBTP. We
     * synthesise such peaks exactly: a sum of cosines (1 kHz … 19 kHz, equal amplitude) that all
     * reach 1 at the same instant, placed at offsets of 0, ¼, ½ and ¾ of a sample (and at 0.3).
     */
    @ParameterizedTest(name = "Tech 3341 cases 20–23 style: inter-sample peak at +{0} sample")
    @ValueSource(doubles = {0.0, 0.25, 0.5, 0.75, 0.3})
    void cases20To23InterSamplePeaksReadZeroDbtp(double offsetSamples) {
        int frames = RATE / 2;
        float[] signal = new float[frames];
        double t0 = (0.0005 * RATE + offsetSamples) / RATE;
        for (int i = 0; i < frames; i++) {
            double t = i / (double) RATE;
            double sum = 0;
            for (int f = 1000; f <= 19000; f += 1000) {
                sum += Math.cos(2 * Math.PI * f * (t - t0));
            }
            signal[i] = (float) (sum / 19);
        }
        LoudnessResult r = measureStereo(signal);
        assertThat(r.truePeakDbtp()).isBetween(-0.4, 0.2);
        if (offsetSamples == 0.5) {
            assertThat(r.samplePeakDbfs()).as("the samples alone miss the peak").isLessThan(-1.0);
        }
    }

    @ParameterizedTest(name = "Tech 3342 case {0}: LRA {1} LU")
    @CsvSource({"1, 10", "2, 5", "3, 20", "4, 15"})
    void tech3342Cases1To4ReadTheirLoudnessRange(int tech3342Case, double expectedLu) {
        float[] signal = switch (tech3342Case) {
            case 1 -> concat(tone(-20, 20, RATE), tone(-30, 20, RATE));
            case 2 -> concat(tone(-20, 20, RATE), tone(-15, 20, RATE));
            case 3 -> concat(tone(-40, 20, RATE), tone(-20, 20, RATE));
            default -> concat(tone(-50, 20, RATE), tone(-35, 20, RATE), tone(-20, 20, RATE),
                    tone(-35, 20, RATE), tone(-50, 20, RATE));
        };
        assertThat(measureStereo(signal).loudnessRangeLu()).isCloseTo(expectedLu, within(1.0));
    }

    private static double maxBetween(TimeSeries series, double fromS, double toS) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < series.size(); i++) {
            if (series.timeAt(i) >= fromS && series.timeAt(i) < toS) {
                max = Math.max(max, series.valueAt(i));
            }
        }
        return max;
    }
}
