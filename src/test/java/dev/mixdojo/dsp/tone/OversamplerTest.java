package dev.mixdojo.dsp.tone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** The two-stage oversampler against what its filters promise: a flat pass band, images and aliases 95 dB down. */
class OversamplerTest {
    private static final int FS = 48000;
    private static final int BLOCK = 500;
    private static final int BLOCKS = 48;

    /** Amplitude of the sinusoid at {@code hz} in {@code x} from {@code from} on, sampled at {@code rateHz} (a whole number of cycles). */
    private static double amplitude(double[] x, int from, double hz, double rateHz) {
        double re = 0;
        double im = 0;
        int n = x.length - from;
        for (int i = 0; i < n; i++) {
            double phase = 2 * Math.PI * hz * i / rateHz;
            re += x[from + i] * Math.cos(phase);
            im += x[from + i] * Math.sin(phase);
        }
        return 2 * Math.hypot(re, im) / n;
    }

    /** A sine of {@code hz} through up and down with no curve in between: the output, one input second. */
    private static double[] roundTrip(double hz) {
        Oversampler o = new Oversampler(BLOCK);
        double[] out = new double[BLOCK * BLOCKS];
        float[] block = new float[BLOCK];
        for (int b = 0; b < BLOCKS; b++) {
            for (int j = 0; j < BLOCK; j++) {
                o.input()[Oversampler.first() + j] = (float) Math.sin(2 * Math.PI * hz * (b * BLOCK + j) / FS);
            }
            o.up(BLOCK);
            o.down(BLOCK, block);
            for (int j = 0; j < BLOCK; j++) {
                out[b * BLOCK + j] = block[j];
            }
        }
        return out;
    }

    @Test
    void aRoundTripIsTheInputDelayedByTheLatencyThroughTheWholePassBand() {
        for (double hz : new double[] {50, 1000, 10000, 18000, 20000}) {
            double[] out = roundTrip(hz);
            double worst = 0;
            for (int i = 1000; i < out.length; i++) {
                double delayed = Math.sin(2 * Math.PI * hz * (i - Oversampler.LATENCY_FRAMES) / FS);
                worst = Math.max(worst, Math.abs(out[i] - delayed));
            }
            // The error of level and timing together is 80 dB down or more (within 0.001 dB and 1e-4 of a sample at 1 kHz).
            assertThat(20 * Math.log10(worst)).as("%.0f Hz", hz).isLessThan(-80);
        }
    }

    @Test
    void interpolationLeavesNoImageAbove95DecibelsDown() {
        // A 15 kHz sine at 4·fs: its images would be at 33, 63 and 81 kHz.
        Oversampler o = new Oversampler(BLOCK);
        double[] high = new double[Oversampler.FACTOR * BLOCK * BLOCKS];
        for (int b = 0; b < BLOCKS; b++) {
            for (int j = 0; j < BLOCK; j++) {
                o.input()[Oversampler.first() + j] = (float) Math.sin(2 * Math.PI * 15000 * (b * BLOCK + j) / FS);
            }
            o.up(BLOCK);
            for (int p = 0; p < Oversampler.FACTOR; p++) {
                for (int j = 0; j < BLOCK; j++) {
                    high[Oversampler.FACTOR * (b * BLOCK + j) + p] = o.phases()[p][Oversampler.first() + j];
                }
            }
            o.down(BLOCK, new float[BLOCK]);
        }
        double rate = Oversampler.FACTOR * FS;
        int from = 6400; // the rest, 89600 samples, holds a whole number of cycles of every tone measured
        assertThat(amplitude(high, from, 15000, rate)).isCloseTo(1, offset(1e-4));
        for (double image : new double[] {33000, 63000, 81000}) {
            assertThat(20 * Math.log10(amplitude(high, from, image, rate))).as("%.0f Hz", image).isLessThan(-95);
        }
    }

    @Test
    void decimationLetsNoAliasIntoTheAudioBandAbove95DecibelsDown() {
        // Tones at 4·fs that would fold into the audio band at fs: 80 and 64 kHz to 16 kHz, 91 kHz to 5 kHz.
        for (double hz : new double[] {80000, 91000, 64000}) {
            Oversampler o = new Oversampler(BLOCK);
            double[] out = new double[BLOCK * BLOCKS];
            float[] block = new float[BLOCK];
            for (int b = 0; b < BLOCKS; b++) {
                o.up(BLOCK); // silence in: the phases are then overwritten with the high tone
                for (int p = 0; p < Oversampler.FACTOR; p++) {
                    for (int j = 0; j < BLOCK; j++) {
                        long n = Oversampler.FACTOR * (long) (b * BLOCK + j) + p;
                        o.phases()[p][Oversampler.first() + j] = (float) Math.sin(2 * Math.PI * hz * n / (Oversampler.FACTOR * FS));
                    }
                }
                o.down(BLOCK, block);
                for (int j = 0; j < BLOCK; j++) {
                    out[b * BLOCK + j] = block[j];
                }
            }
            double folded = Math.abs(hz % FS);
            folded = Math.min(folded, FS - folded);
            // From 1008 on, 22992 samples: a whole number of cycles of either folded tone.
            assertThat(20 * Math.log10(amplitude(out, 1008, folded, FS))).as("%.0f Hz folding to %.0f Hz", hz, folded).isLessThan(-95);
        }
    }
}
