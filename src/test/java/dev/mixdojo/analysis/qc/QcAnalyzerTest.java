package dev.mixdojo.analysis.qc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.analysis.Signals;
import org.junit.jupiter.api.Test;

class QcAnalyzerTest {
    private static final int RATE = 48000;

    private static QcResult check(float[][] channels) {
        QcAnalyzer qc = new QcAnalyzer(RATE, channels.length);
        Signals.stream(channels, 4096, qc::accept);
        return qc.result();
    }

    private static float[] quantised(float[] signal, int bits) {
        float[] out = new float[signal.length];
        double steps = Math.pow(2, bits - 1);
        for (int i = 0; i < signal.length; i++) {
            out[i] = (float) (Math.round(signal[i] * steps) / steps);
        }
        return out;
    }

    @Test
    void sixteenBitAudioPaddedToTwentyFourBitsReadsSixteenEffectiveBits() {
        float[] noise = Signals.whiteNoise(-20, 2, RATE, 1);
        QcResult r = check(new float[][] {quantised(noise, 16), quantised(noise, 16)});
        assertThat(r.effectiveBits()).isEqualTo(16);
        assertThat(r.paddedBitsProblem(24)).hasValue("Only 16 of the 24 bits are used: 16-bit audio padded to 24 bits, "
                + "with no more resolution than 16-bit.");
        assertThat(r.paddedBitsProblem(0)).hasValueSatisfying(p -> assertThat(p).doesNotContain("padded"));
        // A genuine 16-bit file uses the 16 bits it declares: nothing to report.
        assertThat(r.paddedBitsProblem(16)).isEmpty();
        assertThat(check(new float[][] {quantised(noise, 24)}).effectiveBits()).isEqualTo(24);
        assertThat(check(new float[][] {noise}).effectiveBits()).isEqualTo(QcAnalyzer.FINER_THAN_32_BITS);
    }

    @Test
    void aHardClippedSineClipsTwicePerPeriodOnceForBothChannelsOfADualMonoFile() {
        float[] sine = Signals.sine(1000, 6, 1, RATE, 0);
        for (int i = 0; i < sine.length; i++) {
            sine[i] = Math.max(-1f, Math.min(1f, sine[i]));
        }
        QcResult r = check(new float[][] {sine, sine.clone()});
        assertThat(r.clippedRuns()).isEqualTo(2 * 1000);
        assertThat(r.clippedSamples()).isEqualTo(check(new float[][] {sine}).clippedSamples());
        assertThat(r.firstClipTimesS().get(0)).isCloseTo(1 / 12000.0, within(1.5 / RATE));
        assertThat(r.problems()).anyMatch(p -> p.startsWith("The file clips"));
    }

    @Test
    void channelsClippingAtDifferentTimesCountEachRun() {
        float[] left = new float[RATE];
        float[] right = new float[RATE];
        java.util.Arrays.fill(left, 1000, 1005, 1f);
        java.util.Arrays.fill(right, 3000, 1003 + 2000, -1f);
        java.util.Arrays.fill(right, 1003, 1008, 1f);
        QcResult r = check(new float[][] {left, right});
        // 1000–1007 is one event on both channels (the right's run starts inside the left's); 3000–3002 is another.
        assertThat(r.clippedRuns()).isEqualTo(2);
        assertThat(r.clippedSamples()).isEqualTo(8 + 3);
    }

    @Test
    void aCleanSineTouchingFullScaleOnceAPeriodDoesNotCountAsClipping() {
        assertThat(check(new float[][] {Signals.sine(1000, 0, 1, RATE, 0)}).clippedRuns()).isZero();
    }

    @Test
    void dcOffsetIsTheChannelMean() {
        float[] tone = Signals.tone(-20, 1, RATE);
        for (int i = 0; i < tone.length; i++) {
            tone[i] += 0.01f;
        }
        QcResult r = check(new float[][] {tone});
        assertThat(r.dcOffset()).isCloseTo(0.01, within(1e-5));
        assertThat(r.problems()).anyMatch(p -> p.contains("DC offset of -40.0 dBFS"));
    }

    @Test
    void anAsymmetricKickIsNoDcOffsetWhenItsSilencesAreCentred() {
        // 55 Hz hits every half second, each with a one-sided swell on top (mean about 0.3 of its envelope while it sounds).
        float[] kick = new float[4 * RATE];
        for (int i = 0; i < kick.length; i++) {
            double t = (i % (RATE / 2)) / (double) RATE;
            double envelope = 0.8 * Math.exp(-t / 0.05);
            kick[i] = (float) (envelope * (Math.sin(2 * Math.PI * 55 * t) + 0.6 * Math.pow(Math.sin(Math.PI * 55 * t), 2)));
        }
        double overallMean = 0;
        for (float x : kick) {
            overallMean += x / kick.length;
        }
        assertThat(Math.abs(overallMean)).as("the whole file's mean").isGreaterThan(QcAnalyzer.DC_PROBLEM);
        QcResult r = check(new float[][] {kick, kick.clone()});
        assertThat(Math.abs(r.dcOffset())).isLessThan(QcAnalyzer.DC_PROBLEM / 10);
        assertThat(r.dcProblem()).isEmpty();
        // The same kick with a real offset of 0.01 shows it, silences included.
        float[] offset = kick.clone();
        for (int i = 0; i < offset.length; i++) {
            offset[i] += 0.01f;
        }
        assertThat(check(new float[][] {offset}).dcOffset()).isCloseTo(0.01, within(1e-4));
    }

    @Test
    void leadingAndTrailingSilenceAreMeasuredToTheSample() {
        float[] signal = Signals.concat(Signals.silence(2.5, RATE), Signals.sine(1000, -20, 1, RATE, Math.PI / 2),
                Signals.silence(6, RATE));
        QcResult r = check(new float[][] {signal});
        assertThat(r.leadingSilenceS()).isCloseTo(2.5, within(0.001));
        assertThat(r.trailingSilenceS()).isCloseTo(6, within(0.001));
        assertThat(r.problems()).anyMatch(p -> p.contains("starts with 2.5 s of silence"))
                .anyMatch(p -> p.contains("ends with 6.0 s of silence"));
    }
}
