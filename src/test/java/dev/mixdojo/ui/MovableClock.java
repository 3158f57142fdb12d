package dev.mixdojo.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A learner's clock for journey tests: it starts at a given instant, runs with real time from there
 * (answers a few seconds apart stay a few seconds apart), and {@link #advance} moves it on (the next day).
 */
public final class MovableClock extends Clock {
    private final Instant start;
    private final long startNanos = System.nanoTime();
    private volatile Duration moved = Duration.ZERO;

    /** A clock in UTC showing {@code start} now. */
    public MovableClock(Instant start) {
        this.start = start;
    }

    /** Moves the clock on by {@code by}. */
    public void advance(Duration by) {
        moved = moved.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a journey's clock stays in UTC");
    }

    @Override
    public Instant instant() {
        return start.plus(moved).plusNanos(System.nanoTime() - startNanos);
    }
}
