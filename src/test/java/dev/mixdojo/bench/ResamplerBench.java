package dev.mixdojo.bench;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.Resampler;
import dev.mixdojo.audio.Signals;

/**
 * Quality and speed of our Kaiser-sinc resampler against TarsosDSP's (high-quality mode, the
 * alternative the design allowed), measured in the same run: 1 kHz sine SNR, rejection of a
 * tone above the new Nyquist, level at 20 kHz, and seconds of audio resampled per second.
 * Run with {@code bin/bench ResamplerBench}.
 */
public final class ResamplerBench {
    private ResamplerBench() {
    }

    public static void main(String[] args) {
        int[][] ratios = {{44100, 48000}, {48000, 44100}, {96000, 48000}, {48000, 96000}};
        System.out.println("1 kHz sine, SNR after fitting and removing the ideal sine (dB):");
        for (int[] r : ratios) {
            AudioBuffer in = Signals.sine(1, 2 * r[0], r[0], 1000, 0.5);
            double ours = Signals.sineSnrDb(Resampler.resample(in, r[1]).channel(0), r[1], 1000);
            double tarsos = Signals.sineSnrDb(tarsos(in.channel(0), r[0], r[1]), r[1], 1000);
            System.out.printf("  %6d → %6d Hz: ours %6.1f dB, TarsosDSP %6.1f dB%n", r[0], r[1], ours, tarsos);
        }
        double[][] tones = {{30000, 96000, 48000}, {23000, 48000, 44100}, {20000, 48000, 44100}, {20000, 44100, 48000}};
        System.out.println("Level change of a tone (dB; negative = attenuated):");
        for (double[] t : tones) {
            AudioBuffer in = Signals.sine(1, (int) t[1], (int) t[1], t[0], 0.5);
            double inRms = Signals.rmsAwayFromEdges(in.channel(0));
            double ours = 20 * Math.log10(Signals.rmsAwayFromEdges(Resampler.resample(in, (int) t[2]).channel(0)) / inRms);
            double tarsos = 20 * Math.log10(Signals.rmsAwayFromEdges(tarsos(in.channel(0), (int) t[1], (int) t[2])) / inRms);
            System.out.printf("  %5.0f Hz, %6.0f → %6.0f Hz: ours %7.2f dB, TarsosDSP %7.2f dB%n", t[0], t[1], t[2], ours, tarsos);
        }
        AudioBuffer minute = Signals.noise(2, 60 * 44100, 44100, 0.5, 1);
        for (int warmup = 0; warmup < 2; warmup++) {
            Resampler.resample(new AudioBuffer(new float[][] {minute.channel(0)}, 44100), 48000);
            tarsos(minute.channel(0), 44100, 48000);
        }
        long t0 = System.nanoTime();
        Resampler.resample(minute, 48000);
        double oursS = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        tarsos(minute.channel(0), 44100, 48000);
        tarsos(minute.channel(1), 44100, 48000);
        double tarsosS = (System.nanoTime() - t0) / 1e9;
        System.out.printf("60 s stereo 44.1 → 48 kHz: ours %.2f s (%.0f× real time), TarsosDSP %.2f s (%.0f× real time); "
                + "ours takes %.2f× TarsosDSP's time%n", oursS, 60 / oursS, tarsosS, 60 / tarsosS, oursS / tarsosS);
    }

    /** TarsosDSP's resampler on one channel, fed the whole array in one batch. */
    private static float[] tarsos(float[] in, int fromHz, int toHz) {
        double factor = toHz / (double) fromHz;
        be.tarsos.dsp.resample.Resampler resampler = new be.tarsos.dsp.resample.Resampler(true, factor, factor);
        float[] out = new float[(int) Math.round(in.length * factor)];
        int produced = 0;
        int consumed = 0;
        while (produced < out.length) {
            be.tarsos.dsp.resample.Resampler.Result result = resampler.process(factor, in, consumed, in.length - consumed,
                    true, out, produced, out.length - produced);
            consumed += result.inputSamplesConsumed;
            produced += result.outputSamplesGenerated;
            if (result.outputSamplesGenerated == 0) {
                break;
            }
        }
        return out;
    }
}
