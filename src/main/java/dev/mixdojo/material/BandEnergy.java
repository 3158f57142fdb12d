package dev.mixdojo.material;

import dev.mixdojo.audio.AudioBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jtransforms.fft.DoubleFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * Energy per octave band (IEC 61260 nominal centres 63 Hz … 16 kHz, band edges at fc/√2 and
 * fc·√2) in dB relative to the whole signal's energy, from a Hann-windowed power spectrum
 * averaged over frames. Lets a drill avoid asking about a band a stem has no energy in.
 * Stateless and thread-safe.
 */
public final class BandEnergy {
    /** Exact octave centres (1 kHz · 2^k), labelled 63 Hz … 16 kHz. */
    public static final List<Double> CENTRES_HZ = List.of(62.5, 125.0, 250.0, 500.0, 1000.0, 2000.0, 4000.0, 8000.0, 16000.0);
    /** The floor reported for a band with no energy, in dB. */
    public static final double FLOOR_DB = -120;
    private static final int FRAME = 4096;
    /** Analyse every second frame: band shares of a whole stem need no more. */
    private static final int FRAME_STEP = 2;

    static {
        // JTransforms' default pool keeps the JVM alive for a minute after use.
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    private BandEnergy() {
    }

    /** The energy of each octave band of all channels together, dB relative to the total (silence: all {@link #FLOOR_DB}). */
    public static List<Double> octaveBandsDb(AudioBuffer audio) {
        double[] power = averagePowerSpectrum(audio);
        double binHz = audio.sampleRateHz() / (double) FRAME;
        double total = 0;
        for (double p : power) {
            total += p;
        }
        List<Double> bands = new ArrayList<>();
        for (double centreHz : CENTRES_HZ) {
            double low = centreHz / Math.sqrt(2);
            double high = centreHz * Math.sqrt(2);
            double sum = 0;
            for (int k = 0; k < power.length; k++) {
                double f = k * binHz;
                if (f >= low && f < high) {
                    sum += power[k];
                }
            }
            bands.add(total <= 0 || sum <= 0 ? FLOOR_DB : Math.max(FLOOR_DB, 10 * Math.log10(sum / total)));
        }
        return List.copyOf(bands);
    }

    /** The power spectrum (bins 0 … FRAME/2) summed over channels and analysed frames. */
    static double[] averagePowerSpectrum(AudioBuffer audio) {
        double[] window = new double[FRAME];
        for (int i = 0; i < FRAME; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / FRAME);
        }
        DoubleFFT_1D fft = new DoubleFFT_1D(FRAME);
        double[] power = new double[FRAME / 2 + 1];
        double[] frame = new double[FRAME];
        for (float[] channel : audio.channels()) {
            for (int start = 0; start + FRAME <= channel.length; start += FRAME * FRAME_STEP) {
                for (int i = 0; i < FRAME; i++) {
                    frame[i] = channel[start + i] * window[i];
                }
                fft.realForward(frame);
                power[0] += frame[0] * frame[0];
                power[FRAME / 2] += frame[1] * frame[1];
                for (int k = 1; k < FRAME / 2; k++) {
                    double re = frame[2 * k];
                    double im = frame[2 * k + 1];
                    power[k] += 2 * (re * re + im * im);
                }
            }
        }
        return power;
    }
}
