package dev.mixdojo.mix;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands the meter readings from the audio thread to a reader without either waiting: a triple buffer.
 * The audio thread fills its back buffer and swaps it into the middle; a reader swaps the middle into
 * its front buffer when it is fresh and turns it into an immutable {@link MixMeters}. Each buffer is
 * only ever held by one side, so neither side locks or waits; the swaps are atomic exchanges.
 */
final class MeterBoard {
    private static final int FRESH = 4;
    private static final int INDEX = 3;
    private static final int PER_TRACK = 3;
    private static final int MASTER = 5;

    private final int tracks;
    private final double[][] readings = new double[3][];
    private final long[] positions = new long[3];
    private final AtomicInteger middle = new AtomicInteger(1);
    private int back;
    private int front = 2;

    MeterBoard(int tracks) {
        this.tracks = tracks;
        for (int i = 0; i < 3; i++) {
            readings[i] = new double[PER_TRACK * tracks + MASTER];
        }
    }

    /** Audio thread: writes one track's readings (linear peak and RMS, gain reduction in dB) into the back buffer. */
    void track(int track, double peak, double rms, double gainReductionDb) {
        double[] r = readings[back];
        r[PER_TRACK * track] = peak;
        r[PER_TRACK * track + 1] = rms;
        r[PER_TRACK * track + 2] = gainReductionDb;
    }

    /** Audio thread: writes the master's readings (linear peaks and RMS, K-weighted powers) into the back buffer. */
    void master(double peakLeft, double peakRight, double rms, double momentaryPower, double shortTermPower) {
        double[] r = readings[back];
        int at = PER_TRACK * tracks;
        r[at] = peakLeft;
        r[at + 1] = peakRight;
        r[at + 2] = rms;
        r[at + 3] = momentaryPower;
        r[at + 4] = shortTermPower;
    }

    /** Audio thread: publishes the back buffer as the newest readings, at playhead {@code positionFrames}. */
    void publish(long positionFrames) {
        positions[back] = positionFrames;
        back = middle.getAndSet(back | FRESH) & INDEX;
    }

    /** The newest readings published (the same as last time when nothing new was). Any thread; readers take turns. */
    synchronized MixMeters read() {
        if ((middle.get() & FRESH) != 0) {
            front = middle.getAndSet(front) & INDEX;
        }
        double[] r = readings[front];
        List<MixMeters.Channel> channels = new ArrayList<>(tracks);
        for (int t = 0; t < tracks; t++) {
            channels.add(new MixMeters.Channel(db(r[PER_TRACK * t]), db(r[PER_TRACK * t + 1]), r[PER_TRACK * t + 2]));
        }
        int at = PER_TRACK * tracks;
        MixMeters.Master master = new MixMeters.Master(db(r[at]), db(r[at + 1]), db(r[at + 2]),
                LoudnessWindow.lufs(r[at + 3]), LoudnessWindow.lufs(r[at + 4]));
        return new MixMeters(channels, master, positions[front]);
    }

    private static double db(double linear) {
        return linear > 0 ? 20 * Math.log10(linear) : Double.NEGATIVE_INFINITY;
    }
}
