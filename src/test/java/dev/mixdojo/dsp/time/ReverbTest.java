package dev.mixdojo.dsp.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.dsp.AudioBlock;
import dev.mixdojo.dsp.ProcessSpec;
import dev.mixdojo.dsp.Processor;
import dev.mixdojo.dsp.Signals;
import dev.mixdojo.dsp.automation.Breakpoint;
import dev.mixdojo.dsp.automation.Curve;
import dev.mixdojo.dsp.automation.Envelope;
import dev.mixdojo.dsp.automation.Param;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReverbTest {
    private static final int FS = 48000;

    /**
     * T30 from an impulse response by Schroeder backward integration (ISO 3382-1): the energy decay
     * curve EDC(t) = ∫_t^∞ h², a least-squares line through its −5…−35 dB part, extrapolated to −60 dB.
     */
    static double t30S(float[] left, float[] right) {
        int n = left.length;
        double[] edc = new double[n];
        double sum = 0;
        for (int i = n - 1; i >= 0; i--) {
            sum += (double) left[i] * left[i] + (double) right[i] * right[i];
            edc[i] = sum;
        }
        double total = edc[0];
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            double db = 10 * Math.log10(edc[i] / total);
            if (db <= -5 && db >= -35) {
                double t = i / (double) FS;
                sx += t;
                sy += db;
                sxx += t * t;
                sxy += t * db;
                count++;
            }
        }
        double slope = (count * sxy - sx * sy) / (count * sxx - sx * sx);
        return -60 / slope;
    }

    @Test
    void theMeasuredT30IsWithinTenPercentOfTheSetDecayFromHalfASecondToFiveSeconds() {
        for (double decayS : new double[] {0.5, 1, 2, 5}) {
            var reverb = Signals.prepared(ReverbSettings.of(decayS, 0, 0, 0.5, 1).create(), FS, 2);
            int frames = (int) ((1.3 * decayS + 0.2) * FS);
            float[] left = new float[frames];
            float[] right = new float[frames];
            left[0] = 1;
            right[0] = 1;
            Signals.run(reverb, new float[][] {left, right});
            double t30 = t30S(left, right);
            System.out.printf("reverb decayS %.1f: measured T30 %.3f s (%.1f%%)%n", decayS, t30, 100 * (t30 / decayS - 1));
            assertThat(t30).as("decay %s s", decayS).isBetween(0.9 * decayS, 1.1 * decayS);
        }
    }

    @Test
    void dampingMakesTheHighsDieFasterThanTheLows() {
        var reverb = Signals.prepared(ReverbSettings.of(2, 0, 0.8, 0.5, 1).create(), FS, 2);
        float[] left = new float[2 * FS];
        float[] right = new float[2 * FS];
        left[0] = 1;
        right[0] = 1;
        Signals.run(reverb, new float[][] {left, right});
        // First difference is a crude high-pass: its share of the energy falls over the tail.
        assertThat(highShare(left, FS / 10, FS / 5)).isGreaterThan(2 * highShare(left, FS, FS + FS / 10));
    }

    private static double highShare(float[] x, int from, int to) {
        double all = 0;
        double high = 0;
        for (int i = from; i < to; i++) {
            all += (double) x[i] * x[i];
            double d = x[i] - x[i - 1];
            high += d * d;
        }
        return high / all;
    }

    @Test
    void predelayHoldsTheReverbBackByItsTime() {
        var reverb = Signals.prepared(ReverbSettings.of(1, 50, 0, 0.5, 1).create(), FS, 2);
        float[] left = new float[FS];
        float[] right = new float[FS];
        left[0] = 1;
        right[0] = 1;
        Signals.run(reverb, new float[][] {left, right});
        assertThat(Signals.peakDb(left, 0, 2400)).isLessThan(-200);
        assertThat(Signals.peakDb(left, 2400, FS)).isGreaterThan(-40);
    }

    /** Seeded noise, {@code seconds} long, on {@code channels} channels. */
    private static float[][] noise(long seed, int channels, int rateHz, double seconds) {
        Random random = new Random(seed);
        float[][] audio = new float[channels][(int) (seconds * rateHz)];
        for (float[] channel : audio) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = (float) (0.3 * random.nextGaussian());
            }
        }
        return audio;
    }

    /** {@code audio} (in place) through a fresh reverb in blocks of {@code sizes} frames (or random sizes 1–5000). */
    private static float[][] render(ReverbSettings settings, float[][] audio, int rateHz, Random sizes, int fixedSize) {
        Processor reverb = new Reverb(settings);
        reverb.prepare(new ProcessSpec(rateHz, 5000, audio.length));
        for (int start = 0; start < audio[0].length; ) {
            int frames = Math.min(sizes == null ? fixedSize : 1 + sizes.nextInt(5000), audio[0].length - start);
            reverb.process(new AudioBlock(audio, start, frames));
            start += frames;
        }
        return audio;
    }

    private static float[][] copy(float[][] audio) {
        float[][] copy = new float[audio.length][];
        for (int ch = 0; ch < audio.length; ch++) {
            copy[ch] = audio[ch].clone();
        }
        return copy;
    }

    @Test
    void howTheAudioIsCutIntoBlocksChangesNoBitEvenWhileDecayAndMixMove() {
        // Fixed settings; no predelay with automated decay and mix; long predelay, heavy damping, largest room, all wet.
        Envelope ride = new Envelope(List.of(new Breakpoint(0, 0.1), new Breakpoint(1.5, 0.9), new Breakpoint(2.5, 0.2)),
                Curve.LINEAR);
        Envelope decay = new Envelope(List.of(new Breakpoint(0, 0.4), new Breakpoint(2, 3)), Curve.LINEAR);
        List<ReverbSettings> settings = List.of(
                new ReverbSettings(Param.of(1.2), 10, Param.of(0.5), 0.5, Param.of(0.3)),
                new ReverbSettings(new Param.Automated(decay), 0, Param.of(0), 0.1, new Param.Automated(ride)),
                new ReverbSettings(Param.of(2.5), 35, Param.of(0.8), 1, Param.of(1)));
        Random sizes = new Random(20261125);
        for (int rateHz : new int[] {48_000, 44_100}) {
            for (ReverbSettings setting : settings) {
                for (int channels = 1; channels <= 2; channels++) {
                    float[][] input = noise(rateHz + channels, channels, rateHz, 3);
                    float[][] inRandomBlocks = render(setting, copy(input), rateHz, sizes, 0);
                    float[][] inOneSize = render(setting, copy(input), rateHz, null, 4096);
                    float[][] sampleBySample = render(setting, copy(input), rateHz, null, 1);
                    assertThat(inRandomBlocks).as("%d Hz, %d channels, %s", rateHz, channels, setting).isDeepEqualTo(inOneSize);
                    assertThat(sampleBySample).as("%d Hz, %d channels, %s", rateHz, channels, setting).isDeepEqualTo(inOneSize);
                }
            }
        }
    }

    @Test
    void aDecayThatIsMovedDecaysAtItsNewTimeOnceItHasArrived() {
        // The decay moves from 0.5 s to 3 s over the first second; an impulse at 1.5 s rings out at 3 s.
        Envelope decay = new Envelope(List.of(new Breakpoint(0, 0.5), new Breakpoint(1, 3)), Curve.LINEAR);
        ReverbSettings settings = new ReverbSettings(new Param.Automated(decay), 0, Param.of(0), 0.5, Param.of(1));
        int at = (int) (1.5 * FS);
        int frames = at + (int) (4.1 * FS);
        float[][] audio = new float[2][frames];
        audio[0][at] = 1;
        audio[1][at] = 1;
        render(settings, audio, FS, null, 512);
        double t30 = t30S(java.util.Arrays.copyOfRange(audio[0], at, frames), java.util.Arrays.copyOfRange(audio[1], at, frames));
        assertThat(t30).isBetween(0.9 * 3, 1.1 * 3);
    }

    @Test
    void theMixBlendsTheDryAndTheWetVersionsEnergyByEnergy() {
        // Mix 0 passes the input untouched; mix m is (1 − m)·dry + m·wet, the wet version being mix 1's output.
        float[][] input = noise(7, 2, FS, 1);
        float[][] dry = render(ReverbSettings.of(1.5, 10, 0.4, 0.5, 0), copy(input), FS, null, 512);
        assertThat(dry).isDeepEqualTo(input);
        float[][] wet = render(ReverbSettings.of(1.5, 10, 0.4, 0.5, 1), copy(input), FS, null, 512);
        float[][] blend = render(ReverbSettings.of(1.5, 10, 0.4, 0.5, 0.3), copy(input), FS, null, 512);
        for (int ch = 0; ch < 2; ch++) {
            for (int i = 0; i < input[ch].length; i++) {
                double expected = 0.7 * input[ch][i] + 0.3 * wet[ch][i];
                assertThat((double) blend[ch][i]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
            }
        }
        // White noise through the wet path comes out with the input's energy times the impulse response's (a linear,
        // time-invariant network): a check on the loop's gains that does not read them.
        float[][] impulse = new float[2][3 * FS];
        impulse[0][0] = 1;
        impulse[1][0] = 1;
        render(ReverbSettings.of(0.3, 0, 0, 0.5, 1), impulse, FS, null, 512);
        float[] white = noise(8, 1, FS, 20)[0];
        float[][] through = render(ReverbSettings.of(0.3, 0, 0, 0.5, 1), new float[][] {white.clone(), white.clone()}, FS, null, 512);
        double irEnergy = energy(impulse[0], 0);
        double ratio = energy(through[0], FS) / energy(white, FS);
        System.out.printf("reverb 0.3 s: noise energy gain %.4f, impulse response energy %.4f%n", ratio, irEnergy);
        assertThat(ratio).isCloseTo(irEnergy, org.assertj.core.data.Offset.offset(0.02 * irEnergy));
    }

    private static double energy(float[] x, int from) {
        double sum = 0;
        for (int i = from; i < x.length; i++) {
            sum += (double) x[i] * x[i];
        }
        return sum;
    }
}
