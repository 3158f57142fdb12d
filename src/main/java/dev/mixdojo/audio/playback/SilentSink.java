package dev.mixdojo.audio.playback;

import java.util.concurrent.locks.LockSupport;

/**
 * A sink without a device: it drops the audio but takes it at the real-time rate, so the
 * transport advances as if it were heard.
 */
final class SilentSink implements AudioSink {
    /** A stall longer than this (a paused debugger, a long GC) restarts the clock instead of racing to catch up. */
    private static final long MAX_LAG_NS = 200_000_000L;

    private final int sampleRateHz;
    private long clockStartNs;
    private long framesTaken;
    private volatile boolean woken;

    /** A sink paced at {@code sampleRateHz} frames per second. */
    SilentSink(int sampleRateHz) {
        this.sampleRateHz = sampleRateHz;
    }

    @Override
    public void write(float[][] block, int frames) {
        long now = System.nanoTime();
        if (framesTaken == 0 || now - dueNs() > MAX_LAG_NS) {
            clockStartNs = now;
            framesTaken = 0;
        }
        framesTaken += frames;
        long due = dueNs();
        // parkNanos may return early (spurious wake-ups), hence the loop on the clock.
        while (!woken) {
            long waitNs = due - System.nanoTime();
            if (waitNs <= 0) {
                return;
            }
            LockSupport.parkNanos(this, waitNs);
        }
    }

    private long dueNs() {
        return clockStartNs + framesTaken * 1_000_000_000L / sampleRateHz;
    }

    @Override
    public void wake() {
        woken = true;
    }

    @Override
    public void close() {
        woken = true;
    }
}
