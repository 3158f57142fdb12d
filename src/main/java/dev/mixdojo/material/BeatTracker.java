package dev.mixdojo.material;

import be.tarsos.dsp.AudioDispatcher;
import be.tarsos.dsp.beatroot.BeatRootOnsetEventHandler;
import be.tarsos.dsp.io.jvm.AudioDispatcherFactory;
import be.tarsos.dsp.onsets.ComplexOnsetDetector;
import dev.mixdojo.audio.AudioBuffer;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Finds the onsets and the tempo of music with TarsosDSP: its complex-domain onset detector
 * (Bello et al. 2004) on each channel in turn (TarsosDSP's dispatcher is mono and reads float
 * arrays right), the onsets of all channels merged, BeatRoot (Dixon 2001) tracking beats through
 * them, and a least-squares line through the beat times for the tempo. BeatRoot often locks to
 * twice the felt beat of slow or swung songs, so a tempo outside the common range is flagged.
 */
public final class BeatTracker {
    /** FFT size and hop of the onset detector (about 21 ms and 5 ms at 48 kHz). */
    private static final int FFT_FRAMES = 1024;
    private static final int HOP_FRAMES = 256;
    /** Onsets of different channels closer than this are one onset. */
    private static final double SAME_ONSET_S = 0.03;
    /** Tempi outside this range (BPM) are flagged: a listener may feel half or double. */
    static final double SLOWEST_SURE_BPM = 80;
    static final double FASTEST_SURE_BPM = 135;

    private BeatTracker() {
    }

    /** The beat of {@code audio} (any channels, any rate); refuses audio with too few onsets to find one. */
    public static Beats track(AudioBuffer audio) {
        List<double[]> onsets = new ArrayList<>();
        for (float[] channel : audio.channels()) {
            onsets.addAll(onsets(channel, audio.sampleRateHz()));
        }
        onsets.sort((a, b) -> Double.compare(a[0], b[0]));
        List<double[]> merged = new ArrayList<>();
        for (double[] onset : onsets) {
            double[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && onset[0] - last[0] < SAME_ONSET_S) {
                last[1] = Math.max(last[1], onset[1]);
            } else {
                merged.add(onset.clone());
            }
        }
        BeatRootOnsetEventHandler beatRoot = new BeatRootOnsetEventHandler();
        merged.forEach(onset -> beatRoot.handleOnset(onset[0], onset[1]));
        List<Double> beats = new ArrayList<>();
        if (merged.size() >= 8) {
            beatRoot.trackBeats((time, salience) -> beats.add(time));
        }
        if (beats.size() < 4) {
            throw new IllegalArgumentException("too few beats (" + beats.size() + ") to find a tempo");
        }
        double[] line = fitLine(beats);
        double beatS = line[1];
        double tempoBpm = 60 / beatS;
        double firstBeatS = ((line[0] % beatS) + beatS) % beatS;
        Beats.Doubt doubt = tempoBpm > FASTEST_SURE_BPM ? Beats.Doubt.MAYBE_DOUBLE
                : tempoBpm < SLOWEST_SURE_BPM ? Beats.Doubt.MAYBE_HALF : Beats.Doubt.NONE;
        return new Beats(tempoBpm, firstBeatS, merged.stream().map(o -> o[0]).toList(), doubt);
    }

    /** The onsets (time in seconds, salience) of one channel. */
    private static List<double[]> onsets(float[] channel, int sampleRateHz) {
        List<double[]> found = new ArrayList<>();
        ComplexOnsetDetector detector = new ComplexOnsetDetector(FFT_FRAMES);
        // The detector takes its delay as 4.3 hops (aubio's) but counts the overlap as the hop: give back the difference.
        double lateS = 4.3 * (FFT_FRAMES - 2 * HOP_FRAMES) / sampleRateHz;
        detector.setHandler((time, salience) -> found.add(new double[] {Math.max(0, time + lateS), salience}));
        try {
            AudioDispatcher dispatcher = AudioDispatcherFactory.fromFloatArray(channel, sampleRateHz, FFT_FRAMES,
                    FFT_FRAMES - HOP_FRAMES);
            dispatcher.addAudioProcessor(detector);
            dispatcher.run();
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalStateException("TarsosDSP refused 16-bit mono PCM", e);
        }
        return found;
    }

    /**
     * The least-squares line time = intercept + slope · n through the beats, each numbered from the
     * one before it by how many typical intervals (the median) lie between them, so a skipped beat
     * does not bend the line and BeatRoot's 10 ms rounding of the interval does not add up along a
     * long song. Returns {intercept, slope}.
     */
    static double[] fitLine(List<Double> beatsS) {
        double[] intervals = new double[beatsS.size() - 1];
        for (int i = 1; i < beatsS.size(); i++) {
            intervals[i - 1] = beatsS.get(i) - beatsS.get(i - 1);
        }
        double[] sorted = intervals.clone();
        java.util.Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        double n = 0;
        double sumX = 0;
        double sumY = 0;
        double sumXx = 0;
        double sumXy = 0;
        double x = 0;
        for (int i = 0; i < beatsS.size(); i++) {
            if (i > 0) {
                x += Math.max(1, Math.round(intervals[i - 1] / median));
            }
            double t = beatsS.get(i);
            n++;
            sumX += x;
            sumY += t;
            sumXx += x * x;
            sumXy += x * t;
        }
        double slope = (n * sumXy - sumX * sumY) / (n * sumXx - sumX * sumX);
        double intercept = (sumY - slope * sumX) / n;
        return new double[] {intercept, slope};
    }
}
