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
        assertThat(r.problems()).anyMatch(p -> p.contains("16 bits"));
        assertThat(check(new float[][] {quantised(noise, 24)}).effectiveBits()).isEqualTo(24);
        assertThat(check(new float[][] {noise}).effectiveBits()).isEqualTo(QcAnalyzer.FINER_THAN_32_BITS);
    }

    @Test
    void aHardClippedSineClipsTwicePerPeriod() {
        float[] sine = Signals.sine(1000, 6, 1, RATE, 0);
        for (int i = 0; i < sine.length; i++) {
            sine[i] = Math.max(-1f, Math.min(1f, sine[i]));
        }
        QcResult r = check(new float[][] {sine, sine.clone()});
        assertThat(r.clippedRuns()).isEqualTo(2 * 1000 * 2);
        assertThat(r.firstClipTimesS().get(0)).isCloseTo(1 / 12000.0, within(1.5 / RATE));
        assertThat(r.problems()).anyMatch(p -> p.startsWith("The file clips"));
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
