package dev.mixdojo.material;

import dev.mixdojo.audio.AudioBuffer;
import org.jtransforms.fft.DoubleFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * Finds where a song's bars start from its beats: at a bar line the harmony changes and the low end
 * strikes. Of the beat positions in a bar, the downbeat is the one where both happen most: the
 * change of the pitch-class profile (chroma) across the beat times the rise of the energy below
 * 150 Hz at it, each taken relative to its mean over the positions. Neither alone will do: a
 * kick's low end also lands on the third beat or an anticipated fourth, and chords are pushed
 * ahead of the bar line in funk and rock. When the tracked tempo may be twice the felt one, a bar is
 * eight tracked beats, so that the bar lines are the felt ones.
 */
final class Downbeats {
    /** Below this the low end is the kick's and the bass's. */
    private static final double LOW_HZ = 150;
    /** Chroma is read from 55 Hz (A1) to 2 kHz, where chords' fundamentals and first partials lie. */
    private static final double CHROMA_FROM_HZ = 55;
    private static final double CHROMA_TO_HZ = 2000;
    /** The window after a beat starts this late, past the attack's noise. */
    private static final double AFTER_ATTACK_S = 0.02;
    /** The low end's rise is read over this long either side of a beat. */
    private static final double RISE_S = 0.06;

    static {
        // JTransforms' default pool keeps the JVM alive for a minute; one thread is plenty here.
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    private Downbeats() {
    }

    /** Beats in a bar as tracked: four, or eight when the tracked tempo may be double the felt one. */
    static int trackedBeatsPerBar(Beats beats) {
        return beats.doubt() == Beats.Doubt.MAYBE_DOUBLE ? 2 * SongTempo.BEATS_PER_BAR : SongTempo.BEATS_PER_BAR;
    }

    /** Where the first bar of {@code mix} starts, in seconds: the downbeat position's first beat at or after 0. */
    static double firstS(AudioBuffer mix, Beats beats) {
        int positions = trackedBeatsPerBar(beats);
        float[] mono = mono(mix);
        float[] low = lowPassed(mono, mix.sampleRateHz());
        int rate = mix.sampleRateHz();
        int size = Integer.highestOneBit(rate / 6) * 2;
        DoubleFFT_1D fft = new DoubleFFT_1D(size);
        int afterAttack = (int) Math.round(AFTER_ATTACK_S * rate);
        int rise = (int) Math.round(RISE_S * rate);
        double[] change = new double[positions];
        double[] lowRise = new double[positions];
        for (int k = 1; ; k++) {
            int at = (int) Math.round((beats.firstBeatS() + k * beats.beatS()) * rate);
            if (at + afterAttack + size > mono.length) {
                break;
            }
            double[] before = chroma(mono, at - size, size, fft, rate);
            double[] after = chroma(mono, at + afterAttack, size, fft, rate);
            double similarity = 0;
            for (int c = 0; c < 12; c++) {
                similarity += before[c] * after[c];
            }
            change[k % positions] += 1 - similarity;
            lowRise[k % positions] += Math.max(0, energy(low, at, at + rise) - energy(low, at - rise, at));
        }
        double meanChange = mean(change);
        double meanRise = mean(lowRise);
        int downbeat = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < positions; p++) {
            double score = (change[p] + 1e-12) / (meanChange + 1e-12) * (lowRise[p] + 1e-12) / (meanRise + 1e-12);
            if (score > best) {
                best = score;
                downbeat = p;
            }
        }
        return beats.firstBeatS() + downbeat * beats.beatS();
    }

    /** The pitch-class profile (unit length) of {@code size} frames from {@code from} under a Hann window. */
    private static double[] chroma(float[] x, int from, int size, DoubleFFT_1D fft, int rateHz) {
        double[] frame = new double[size];
        for (int i = 0; i < size; i++) {
            frame[i] = from + i >= 0 ? x[from + i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / size)) : 0;
        }
        fft.realForward(frame);
        double[] profile = new double[12];
        for (int bin = (int) Math.ceil(CHROMA_FROM_HZ * size / rateHz); bin <= CHROMA_TO_HZ * size / rateHz; bin++) {
            double hz = bin * (double) rateHz / size;
            int pitchClass = (int) Math.floorMod(Math.round(12 * Math.log(hz / 440) / Math.log(2)), 12);
            profile[pitchClass] += Math.hypot(frame[2 * bin], frame[2 * bin + 1]);
        }
        double norm = Math.sqrt(java.util.Arrays.stream(profile).map(v -> v * v).sum()) + 1e-30;
        for (int c = 0; c < 12; c++) {
            profile[c] /= norm;
        }
        return profile;
    }

    private static double energy(float[] x, int from, int to) {
        double sum = 0;
        for (int i = Math.max(0, from); i < Math.min(x.length, to); i++) {
            sum += (double) x[i] * x[i];
        }
        return sum;
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElse(0);
    }

    private static float[] mono(AudioBuffer mix) {
        float[] out = new float[mix.frames()];
        for (float[] channel : mix.channels()) {
            for (int i = 0; i < out.length; i++) {
                out[i] += channel[i] / mix.channelCount();
            }
        }
        return out;
    }

    /** Through a one-pole low-pass at {@link #LOW_HZ} (enough to find where the kick falls). */
    private static float[] lowPassed(float[] x, int rateHz) {
        float[] out = new float[x.length];
        double a = Math.exp(-2 * Math.PI * LOW_HZ / rateHz);
        double state = 0;
        for (int i = 0; i < out.length; i++) {
            state = (1 - a) * x[i] + a * state;
            out[i] = (float) state;
        }
        return out;
    }
}
