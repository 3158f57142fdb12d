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
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.zip.CRC32;
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

    /**
     * CRC-32 of the output samples' float bits, seeded noise (3 s, stereo and mono) rendered through
     * three settings (fixed; no predelay with automated decay and mix; long predelay, heavy damping,
     * largest size, all wet) in blocks of seeded random sizes from 1 to 5000 frames, at 48 and 44.1 kHz.
     */
    static long renderCrc(Function<ReverbSettings, Processor> make) {
        Envelope ride = new Envelope(List.of(new Breakpoint(0, 0.1), new Breakpoint(1.5, 0.9), new Breakpoint(2.5, 0.2)),
                Curve.LINEAR);
        Envelope decay = new Envelope(List.of(new Breakpoint(0, 0.4), new Breakpoint(2, 3)), Curve.LINEAR);
        List<ReverbSettings> settings = List.of(
                new ReverbSettings(Param.of(1.2), 10, Param.of(0.5), 0.5, Param.of(0.3)),
                new ReverbSettings(new Param.Automated(decay), 0, Param.of(0), 0.1, new Param.Automated(ride)),
                new ReverbSettings(Param.of(2.5), 35, Param.of(0.8), 1, Param.of(1)));
        CRC32 crc = new CRC32();
        Random random = new Random(20261125);
        for (int rateHz : new int[] {48_000, 44_100}) {
            for (ReverbSettings setting : settings) {
                for (int channels = 1; channels <= 2; channels++) {
                    float[][] audio = new float[channels][3 * rateHz];
                    for (float[] channel : audio) {
                        for (int i = 0; i < channel.length; i++) {
                            channel[i] = (float) (0.3 * random.nextGaussian());
                        }
                    }
                    Processor reverb = make.apply(setting);
                    reverb.prepare(new ProcessSpec(rateHz, 5000, channels));
                    for (int start = 0; start < audio[0].length; ) {
                        int frames = Math.min(1 + random.nextInt(5000), audio[0].length - start);
                        reverb.process(new AudioBlock(audio, start, frames));
                        start += frames;
                    }
                    ByteBuffer bits = ByteBuffer.allocate(4 * audio[0].length);
                    for (float[] channel : audio) {
                        bits.clear();
                        for (float x : channel) {
                            bits.putFloat(x);
                        }
                        crc.update(bits.array(), 0, bits.position());
                    }
                }
            }
        }
        return crc.getValue();
    }

    @Test
    void theLoopOnLocalsRendersTheBitsOfThePlainLoopItReplaced() {
        // The CRC the plain loop (arrays for the lines, positions, low-pass states and the Hadamard
        // mix; a method per allpass) gave before session 5 wrote the loop out on locals for speed.
        assertThat(renderCrc(Reverb::new)).isEqualTo(PLAIN_LOOP_CRC);
    }

    /** {@link #renderCrc} of the plain loop, computed with that code (commit 8a86a48). */
    private static final long PLAIN_LOOP_CRC = 0x7642BAA6L;
}

