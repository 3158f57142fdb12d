package dev.mixdojo.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A learner's clock for journey tests: it starts at a given instant, runs with real time from there
 * (answers a few seconds apart stay a few seconds apart), and {@link #advance} moves it on (the next day).
 * The same clock in another zone ({@link #withZone}) moves with it.
 */
public final class MovableClock extends Clock {
    private final Instant start;
    private final long startNanos;
    private final AtomicReference<Duration> moved;
    private final ZoneId zone;

    /** A clock in UTC showing {@code start} now. */
    public MovableClock(Instant start) {
        this(start, System.nanoTime(), new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    private MovableClock(Instant start, long startNanos, AtomicReference<Duration> moved, ZoneId zone) {
        this.start = start;
        this.startNanos = startNanos;
        this.moved = moved;
        this.zone = zone;
    }

    /** Moves the clock on by {@code by} (in every zone it is seen in). */
    public void advance(Duration by) {
        moved.accumulateAndGet(by, Duration::plus);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MovableClock(start, startNanos, moved, other);
    }

    @Override
    public Instant instant() {
        return start.plus(moved.get()).plusNanos(System.nanoTime() - startNanos);
    }
}
